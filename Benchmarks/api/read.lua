-- wrk: GET /v1/cases/{id} on a random case of the office, as the demo officer.
local ids = {}
local token = os.getenv("ARCA_TOKEN")

function init(args)
  for line in io.lines(os.getenv("ARCA_CASE_IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/v1/cases/" .. ids[math.random(#ids)], { ["Authorization"] = "Bearer " .. token })
end
