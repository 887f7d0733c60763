-- wrk: POST /v1/cases/{id}/assets on a random case of the office, as the demo officer.
local ids = {}
local token = os.getenv("ARCA_TOKEN")
local body = '{"category":"cash","description":"Bench banknotes found during a search","country":"BE",'
  .. '"estimatedValue":{"amount":"12500.00","currency":"EUR"},"identifiedOn":"2026-11-01"}'

function init(args)
  for line in io.lines(os.getenv("ARCA_CASE_IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("POST", "/v1/cases/" .. ids[math.random(#ids)] .. "/assets",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
