-- wrk: the mixed load of `make reliability` (scenario 5), as the demo officer: of every ten
-- requests, six read a case with its parts, two list cases, one searches assets by an IBAN
-- fragment and one records an asset.
local ids = {}
local token = os.getenv("ARCA_TOKEN")
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local asset = '{"category":"cash","description":"Reliability banknotes found during a search","country":"BE",'
  .. '"estimatedValue":{"amount":"12500.00","currency":"EUR"},"identifiedOn":"2026-11-01"}'

function init(args)
  for line in io.lines(os.getenv("ARCA_CASE_IDS")) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local pick = math.random(10)
  local case = ids[math.random(#ids)]
  if pick <= 6 then
    return wrk.format("GET", "/v1/cases/" .. case, headers)
  elseif pick <= 8 then
    return wrk.format("GET", "/v1/cases?limit=20&status=freezing", headers)
  elseif pick == 9 then
    return wrk.format("GET", "/v1/assets?q=BE68&limit=20", headers)
  end
  return wrk.format("POST", "/v1/cases/" .. case .. "/assets", headers, asset)
end
