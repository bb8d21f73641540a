-- wrk script of the cluster drills (issue 17, bench/resilience.sh): one thread per connection, each thread one
-- signed-in WeCom person going through a morning as a phone would, with think time between taps:
--   student:    home page, week view, now and then a leave request (apply form, then its post) and a 收集表 answer
--               (fill page, then its post);
--   counsellor: 待我审批, one pending request, its approve button.
-- Every response is written to RECORDS_DIR/<thread>.tsv with its status and time:
--   epoch ms, thread, account, kind, status, ms, marker, note
-- A post that gets no answer, a 5xx or a page that cannot be posted (expired) is sent again like a person tapping
-- again, up to 3 times, with the same marker (the text the person typed): if both reached the database, the marker
-- is there twice and the drill counts a duplicate. A redirect to sign-in is recorded as kind "signout" and the thread
-- stops (a person who would have to sign in again).
-- Environment: SESSIONS (file: role<TAB>account<TAB>cookie per line), RECORDS_DIR, RUN (marker prefix), DAY0
-- (first leave date, YYYY-MM-DD), DAY_OFFSET (days already used by earlier drills), FORMS (comma-separated form ids),
-- THINK_MS (mean think time, default 1500), SUBMIT_EVERY (a student submits every n-th round, default 3).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } wb_timespec;
int clock_gettime(int clk, wb_timespec *tp);
]]
local ts = ffi.new("wb_timespec")
local function now_ms()
  ffi.C.clock_gettime(0, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local sessions = {}
local threads = {}
local counter = 0

function setup(thread)
  if #sessions == 0 then
    for line in io.lines(os.getenv("SESSIONS")) do
      local role, account, cookie = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(sessions, { role = role, account = account, cookie = cookie })
    end
  end
  counter = counter + 1
  local s = sessions[((counter - 1) % #sessions) + 1]
  thread:set("id", counter)
  thread:set("role", s.role)
  thread:set("account", s.account)
  thread:set("cookie", s.cookie)
  table.insert(threads, thread)
end

-- ---- per thread (each thread has its own Lua state from here on)
local out
local step = 0          -- position in the role's round
local round = 0
local pending           -- the request in flight: { kind, started, marker }
local plan = {}         -- queued requests of this round: { kind, path, method, body, headers, marker }
local viewstate, nonce, token, textinput, requestid
local retry             -- a post to send again: same marker
local tries = 0
stopped = false  -- global: done() reads it through thread:get
local leaves = 0
local forms = {}
local formindex = 0
local day0
local submit_every = tonumber(os.getenv("SUBMIT_EVERY") or "3")
local think = tonumber(os.getenv("THINK_MS") or "1500")

function init(args)
  math.randomseed(os.time() + id * 7919)
  out = io.open(os.getenv("RECORDS_DIR") .. "/t" .. id .. ".tsv", "a")
  out:setvbuf("line")
  for f in string.gmatch(os.getenv("FORMS") or "", "%d+") do table.insert(forms, f) end
  local y, m, d = (os.getenv("DAY0") or "2030-01-01"):match("(%d+)-(%d+)-(%d+)")
  day0 = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
  leaves = tonumber(os.getenv("DAY_OFFSET") or "0")
end

local function record(kind, status, ms, marker, note)
  out:write(string.format("%d\t%d\t%s\t%s\t%d\t%.1f\t%s\t%s\n", now_ms(), id, account, kind, status, ms,
    marker or "", (note or ""):gsub("[\t\n]", " ")))
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if string.lower(k) == name then return v end
  end
  return nil
end

local function keep_cookies(headers)
  local set = header(headers, "set-cookie")
  if set then
    local v = string.match(set, "JSESSIONIDVERSION=([^;]*)")
    if v then
      if string.find(cookie, "JSESSIONIDVERSION=", 1, true) then
        cookie = string.gsub(cookie, "JSESSIONIDVERSION=[^;]*", "JSESSIONIDVERSION=" .. v)
      else
        cookie = cookie .. "; JSESSIONIDVERSION=" .. v
      end
    end
    local s = string.match(set, "WBSESSION=([^;]*)")
    if s then cookie = string.gsub(cookie, "WBSESSION=[^;]*", "WBSESSION=" .. s) end
  end
end

local function urlencode(s)
  return (string.gsub(s, "([^%w%-%._~])", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function form_body(fields)
  local parts = {}
  for _, kv in ipairs(fields) do table.insert(parts, urlencode(kv[1]) .. "=" .. urlencode(kv[2])) end
  return table.concat(parts, "&")
end

local boundary = "----wbdrill" .. tostring(math.random(1e9))
local function multipart_body(fields)
  local parts = {}
  for _, kv in ipairs(fields) do
    table.insert(parts, "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. kv[1] .. "\"\r\n\r\n"
      .. kv[2] .. "\r\n")
  end
  table.insert(parts, "--" .. boundary .. "--\r\n")
  return table.concat(parts)
end

local function marker(kind)
  return (os.getenv("RUN") or "run") .. "-" .. kind .. "-" .. account .. "-" .. round .. "-" .. id
end

local function unescape(v)
  return (v:gsub("&#58;", ":"):gsub("&amp;", "&"):gsub("&quot;", "\""))
end

-- The requests of one round, queued; POSTs are filled in when their page has answered.
local function new_round()
  round = round + 1
  plan = {}
  if role == "student" then
    table.insert(plan, { kind = "home", path = "/" })
    table.insert(plan, { kind = "week", path = "/timetable/week.xhtml" })
    if round % submit_every == 0 then
      table.insert(plan, { kind = "leave-page", path = "/leave/apply.xhtml" })
      table.insert(plan, { kind = "leave-submit", post = true })
      table.insert(plan, { kind = "home", path = "/" })
    end
    if round % submit_every == 1 and formindex < #forms then
      formindex = formindex + 1
      table.insert(plan, { kind = "form-page", path = "/forms/fill.xhtml?id=" .. forms[formindex] })
      table.insert(plan, { kind = "form-submit", post = true })
    end
  else
    table.insert(plan, { kind = "approvals", path = "/leave/approvals.xhtml" })
    table.insert(plan, { kind = "request-page", dynamic = true })
    table.insert(plan, { kind = "approve", post = true })
    table.insert(plan, { kind = "home", path = "/" })
  end
end

local function leave_fields(m)
  local day = os.date("%Y-%m-%d", day0 + leaves * 86400)
  return {
    { "apply", "apply" }, { "type", "PERSONAL" }, { "start", day .. "T08:00" }, { "end", day .. "T12:00" },
    { "reason", "压测 " .. m }, { "submit", "submit" }, { "jakarta.faces.ViewState", viewstate },
    { "primefaces.nonce", nonce or "" } }
end

local function build(item)
  local headers = { ["Cookie"] = cookie, ["User-Agent"] = "Mozilla/5.0 wxwork/4.1" }
  -- The pages read on a phone travel gzipped; the ones this script must read (forms, lists) plain: wrk does not unzip.
  if item.kind == "home" or item.kind == "week" then headers["Accept-Encoding"] = "gzip" end
  if item.retry_body then
    headers["Content-Type"] = item.content_type
    return wrk.format("POST", item.path, headers, item.retry_body)
  end
  if not item.post then
    return wrk.format("GET", item.path, headers)
  end
  local m = item.marker or marker(item.kind == "leave-submit" and "leave" or item.kind == "form-submit" and "form"
    or "approve")
  item.marker = m
  local body
  if item.kind == "leave-submit" then
    item.path = "/leave/apply.xhtml"
    item.content_type = "multipart/form-data; boundary=" .. boundary
    body = multipart_body(leave_fields(m))
  elseif item.kind == "form-submit" then
    item.path = "/forms/fill.xhtml?id=" .. forms[formindex]
    item.content_type = "application/x-www-form-urlencoded"
    body = form_body({ { "fill", "fill" }, { textinput or "q", "答案 " .. m }, { "token", token or "" },
      { "submit", "submit" }, { "jakarta.faces.ViewState", viewstate }, { "primefaces.nonce", nonce or "" } })
  else
    item.path = "/leave/request.xhtml?id=" .. requestid
    item.content_type = "application/x-www-form-urlencoded"
    body = form_body({ { "detail", "detail" }, { "approve", "同意" }, { "jakarta.faces.ViewState", viewstate },
      { "primefaces.nonce", nonce or "" } })
  end
  item.body = body
  headers["Content-Type"] = item.content_type
  return wrk.format("POST", item.path, headers, body)
end

local current
local answered = false

function request()
  if pending and not answered then
    -- wrk builds a thread's first request twice (once to look at it): the first was never sent.
    pending = nil
    current = nil
  end
  if pending then
    -- No answer came back for the last request (connection closed, wrk's reconnect): record it as status 0.
    record(pending.kind, 0, now_ms() - pending.started, pending.marker, "no response")
    if pending.post and tries < 3 then
      current = { kind = pending.kind, path = pending.path, retry_body = pending.body, content_type =
        pending.content_type, marker = pending.marker, post = true, body = pending.body }
      tries = tries + 1
    else
      current = nil
    end
    pending = nil
  end
  if stopped then
    return wrk.format("GET", "/health/ready")
  end
  if not current then
    if #plan == 0 then new_round() end
    current = table.remove(plan, 1)
    tries = 0
    if current.dynamic then
      if requestid then
        current.path = "/leave/request.xhtml?id=" .. requestid
      else
        -- Nothing to approve: skip to the next round.
        plan = {}
        current = { kind = "home", path = "/" }
      end
    end
    if current.post and not viewstate then
      plan = {}
      current = { kind = "home", path = "/" }
    end
  end
  local req = build(current)
  current.started = now_ms()
  pending = current
  return req
end

function delay()
  if stopped then return 60000 end
  if retry then return 2000 end
  return math.floor(think * (0.5 + math.random()))
end

local function again_or_give_up(item, note)
  if tries < 3 then
    tries = tries + 1
    current = { kind = item.kind, path = item.path, retry_body = item.body, content_type = item.content_type,
      marker = item.marker, post = true, body = item.body }
    retry = true
  else
    record(item.kind .. "-gave-up", 0, 0, item.marker, note)
    current = nil
  end
end

function response(status, headers, body)
  answered = true
  local item = pending
  pending = nil
  retry = false
  if stopped or not item then return end
  local took = now_ms() - item.started
  keep_cookies(headers)
  local location = header(headers, "location") or ""
  if status == 302 and (string.find(location, "/login", 1, true) or string.find(location, "wecom-authorize", 1, true)) then
    record("signout", status, took, item.marker, item.kind .. " " .. location)
    stopped = true
    return
  end
  local note = ""
  if status == 302 then note = location end
  record(item.kind, status, took, item.marker, note)
  if not item.post then
    current = nil
    local csp = header(headers, "content-security-policy") or ""
    nonce = string.match(csp, "'nonce%-([^']+)'")
    local vs = string.match(body, "jakarta%.faces%.ViewState:0\" value=\"([^\"]+)\"")
    viewstate = vs and unescape(vs) or nil
    if item.kind == "form-page" then
      token = string.match(body, "name=\"token\" value=\"([0-9a-f%-]+)\"")
      textinput = string.match(body, "<textarea[^>]*name=\"([^\"]+)\"[^>]*data%-q=\"1\"")
        or string.match(body, "<input[^>]*name=\"([^\"]+)\"[^>]*data%-q=\"1\"")
      if not token or string.find(body, "fm-done", 1, true) then
        -- Already answered or closed: nothing to post.
        plan = {}
      end
    elseif item.kind == "approvals" then
      local ids = {}
      for rid in string.gmatch(body, "request%.xhtml%?id=(%d+)") do table.insert(ids, rid) end
      requestid = #ids > 0 and ids[math.random(#ids)] or nil
    elseif item.kind == "request-page" then
      if not string.find(body, "id=\"approve\"", 1, true) then plan = {} end
    end
    if status ~= 200 then plan = {} end
    return
  end
  -- A post: success, a refusal to show, or a failure to try again.
  if status >= 500 or status == 0 then
    again_or_give_up(item, "status " .. status)
    return
  end
  if status == 400 or (status == 302 and string.find(location, "expired", 1, true)) then
    -- The page's view is gone (a node went away before it was replicated): open the page again, same marker.
    record(item.kind .. "-reopen", status, took, item.marker, location)
    current = nil
    local again = { kind = item.kind, post = true, marker = item.marker }
    if item.kind == "leave-submit" then
      table.insert(plan, 1, again)
      table.insert(plan, 1, { kind = "leave-page", path = "/leave/apply.xhtml" })
    elseif item.kind == "form-submit" then
      table.insert(plan, 1, again)
      table.insert(plan, 1, { kind = "form-page", path = "/forms/fill.xhtml?id=" .. forms[formindex] })
    end
    return
  end
  current = nil
  if item.kind == "approve" and status == 200 and string.find(body, "已同意。", 1, true) then
    record("approve-decided", status, 0, item.marker, "request " .. (requestid or ""))
  end
  if item.kind == "leave-submit" and status == 302 then
    leaves = leaves + 1
  elseif item.kind == "leave-submit" then
    -- Refused with a message (e.g. overlapping): move to the next day so the next try is a new request.
    leaves = leaves + 1
  end
end

function done(summary, latency, requests)
  -- The sessions as they are now (Payara's replicated session moves its JSESSIONIDVERSION on), for the next run.
  local f = io.open(os.getenv("SESSIONS") .. ".after", "w")
  for _, t in ipairs(threads) do
    f:write(string.format("%s\t%s\t%s\t%s\n", t:get("role"), t:get("account"), t:get("cookie"),
      t:get("stopped") and "signed-out" or "ok"))
  end
  f:close()
  io.write(string.format("wrk: %d requests, %d socket errors (connect %d, read %d, write %d, timeout %d)\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
