-- wrk: a free-text search ($ARCA_SEARCH_PATH, e.g. /v1/cases?q=) for a fragment drawn from
-- $ARCA_FRAGMENTS (one per line: parts of real subject names or IBANs of the data), as the
-- demo officer.
local fragments = {}
local token = os.getenv("ARCA_TOKEN")
local path = os.getenv("ARCA_SEARCH_PATH")

function init(args)
  for line in io.lines(os.getenv("ARCA_FRAGMENTS")) do fragments[#fragments + 1] = line:gsub(" ", "%%20") end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", path .. fragments[math.random(#fragments)], { ["Authorization"] = "Bearer " .. token })
end
