"""The Lua scripts, one per operation that must be atomic or must not cost extra round trips.

Every script takes the thread's two keys (`KEYS[1]` hash, `KEYS[2]` index; see `keys.py`), so
it runs in one Cluster slot, and uses only commands Redis 6.2 has. Scripts are atomic: a put,
a put_writes or a prune is either wholly applied or not at all, also in the append-only file
after a crash. Reads are scripts too, so `get_tuple` costs one round trip (find the latest id,
fetch its record, its blobs and its writes). Writes refresh the thread's TTL (`ttl` is in
milliseconds; 0 leaves it alone).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Script:
    """A Lua script and its SHA1, for EVALSHA with a SCRIPT LOAD fallback."""

    name: str
    source: str
    sha: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha", hashlib.sha1(self.source.encode()).hexdigest())  # noqa: S324


_HELPERS = r"""
local H, Z = KEYS[1], KEYS[2]

local function split(s)
  local parts, i = {}, 1
  while true do
    local j = string.find(s, '\0', i, true)
    if not j then
      parts[#parts + 1] = string.sub(s, i)
      return parts
    end
    parts[#parts + 1] = string.sub(s, i, j - 1)
    i = j + 1
  end
end

local function members(prefix)
  return redis.call('ZRANGEBYLEX', Z, '[' .. prefix, '[' .. prefix .. '\255')
end

local function namespace(body)
  return string.sub(body, 1, string.find(body, '\0', 1, true) - 1)
end

local function expire(ms)
  if ms > 0 then
    redis.call('PEXPIRE', H, ms)
    redis.call('PEXPIRE', Z, ms)
  end
end

-- Remove one checkpoint (body = ns \0 cid) with its pending writes and run index entry.
local function drop_checkpoint(body)
  local meta = redis.call('HGET', H, 'm\0' .. body)
  local run = ''
  if meta then
    run = split(meta)[3]
    if run ~= '' then redis.call('ZREM', Z, 'r\0' .. run .. '\0' .. body) end
  end
  redis.call('HDEL', H, 'c\0' .. body, 'm\0' .. body)
  redis.call('ZREM', Z, 'c\0' .. body)
  for _, w in ipairs(members('w\0' .. body .. '\0')) do
    redis.call('HDEL', H, w)
    redis.call('ZREM', Z, w)
  end
  return run
end

-- After deletions in a namespace: forget parents that are gone, delete blobs no checkpoint uses.
local function sweep(ns)
  local used = {}
  for _, member in ipairs(members('c\0' .. ns .. '\0')) do
    local mfield = 'm' .. string.sub(member, 2)
    local meta = redis.call('HGET', H, mfield)
    if meta then
      local parts = split(meta)
      if parts[1] ~= '' and redis.call('HEXISTS', H, 'c\0' .. ns .. '\0' .. parts[1]) == 0 then
        parts[1] = ''
        redis.call('HSET', H, mfield, table.concat(parts, '\0'))
      end
      for i = 4, #parts - 1, 2 do
        used['b\0' .. ns .. '\0' .. parts[i] .. '\0' .. parts[i + 1]] = true
      end
    end
  end
  for _, b in ipairs(members('b\0' .. ns .. '\0')) do
    if not used[b] then
      redis.call('HDEL', H, b)
      redis.call('ZREM', Z, b)
    end
  end
end

-- The runs of `runs` (a set) that no longer have a checkpoint in this thread.
local function runs_gone(runs)
  local gone = {}
  for run in pairs(runs) do
    local prefix = 'r\0' .. run .. '\0'
    if #redis.call('ZRANGEBYLEX', Z, '[' .. prefix, '[' .. prefix .. '\255', 'LIMIT', 0, 1) == 0 then
      gone[#gone + 1] = run
    end
  end
  return gone
end
"""

# ARGV: min, max (ZREVRANGEBYLEX bounds), limit (0 = all), ttl to refresh on read.
# Returns {rows, blobs}: rows = member, record, meta, {write field, write value, ...} per
# checkpoint, newest first; blobs = field, value pairs, each blob once however many rows use it.
READ = Script(
    "read",
    _HELPERS
    + r"""
local limit = tonumber(ARGV[3])
local ids
if limit > 0 then
  ids = redis.call('ZREVRANGEBYLEX', Z, ARGV[2], ARGV[1], 'LIMIT', 0, limit)
else
  ids = redis.call('ZREVRANGEBYLEX', Z, ARGV[2], ARGV[1])
end
local rows, blobs, seen = {}, {}, {}
for _, member in ipairs(ids) do
  local body = string.sub(member, 3)
  local record = redis.call('HGET', H, member)
  local meta = redis.call('HGET', H, 'm\0' .. body)
  if record and meta then
    local ns = namespace(body)
    local parts = split(meta)
    for i = 4, #parts - 1, 2 do
      local b = 'b\0' .. ns .. '\0' .. parts[i] .. '\0' .. parts[i + 1]
      if not seen[b] then
        seen[b] = true
        local value = redis.call('HGET', H, b)
        if value then
          blobs[#blobs + 1] = b
          blobs[#blobs + 1] = value
        end
      end
    end
    local writes = {}
    for _, w in ipairs(members('w\0' .. body .. '\0')) do
      local value = redis.call('HGET', H, w)
      if value then
        writes[#writes + 1] = w
        writes[#writes + 1] = value
      end
    end
    rows[#rows + 1] = member
    rows[#rows + 1] = record
    rows[#rows + 1] = meta
    rows[#rows + 1] = writes
  end
end
expire(tonumber(ARGV[4]))
return {rows, blobs}
""",
)

# ARGV: ttl, checkpoint member, record, meta, run member or '', delta flag ('1'/'0'),
# then blob field, value pairs (a blob already stored for that version is kept).
PUT = Script(
    "put",
    _HELPERS
    + r"""
redis.call('HSET', H, ARGV[2], ARGV[3], 'm' .. string.sub(ARGV[2], 2), ARGV[4])
redis.call('ZADD', Z, 0, ARGV[2])
if ARGV[5] ~= '' then redis.call('ZADD', Z, 0, ARGV[5]) end
if ARGV[6] == '1' then redis.call('HSET', H, 'd', '1') end
for i = 7, #ARGV - 1, 2 do
  if redis.call('HSETNX', H, ARGV[i], ARGV[i + 1]) == 1 then redis.call('ZADD', Z, 0, ARGV[i]) end
end
expire(tonumber(ARGV[1]))
return 1
""",
)

# ARGV: ttl, then field, value, upsert ('1' for ERROR/INTERRUPT-like special writes) triples.
# A regular write already stored for (task, idx) is kept, so a replayed task does not duplicate.
PUT_WRITES = Script(
    "put_writes",
    _HELPERS
    + r"""
for i = 2, #ARGV - 2, 3 do
  if ARGV[i + 2] == '1' then
    redis.call('HSET', H, ARGV[i], ARGV[i + 1])
  else
    redis.call('HSETNX', H, ARGV[i], ARGV[i + 1])
  end
  redis.call('ZADD', Z, 0, ARGV[i])
end
expire(tonumber(ARGV[1]))
return 1
""",
)

# Returns the run ids the thread held, so the caller can take the thread out of their sets.
DELETE_THREAD = Script(
    "delete_thread",
    _HELPERS
    + r"""
local runs, seen = {}, {}
for _, m in ipairs(members('r\0')) do
  local run = split(m)[2]
  if not seen[run] then
    seen[run] = true
    runs[#runs + 1] = run
  end
end
redis.call('DEL', H, Z)
return runs
""",
)

# ARGV: run ids. Deletes their checkpoints with writes, then sweeps the namespaces touched.
DELETE_RUNS = Script(
    "delete_runs",
    _HELPERS
    + r"""
local touched, order = {}, {}
for _, run in ipairs(ARGV) do
  for _, m in ipairs(members('r\0' .. run .. '\0')) do
    local body = string.sub(m, #run + 4)
    drop_checkpoint(body)
    redis.call('ZREM', Z, m)
    local ns = namespace(body)
    if not touched[ns] then
      touched[ns] = true
      order[#order + 1] = ns
    end
  end
end
for _, ns in ipairs(order) do sweep(ns) end
return #order
""",
)

# keep_latest: keep each namespace's latest checkpoint with its writes and the blobs it uses.
# A subgraph call's namespace (task id after a ':') goes whole once the root checkpoint it
# started from is saved and is not the kept one, as in LangGraph's PostgresSaver. Returns the
# run ids that no longer have a checkpoint in the thread.
PRUNE = Script(
    "prune",
    _HELPERS
    + r"""
if redis.call('HEXISTS', H, 'd') == 1 then
  return redis.error_reply('DELTA the thread uses a DeltaChannel')
end
local all = members('c\0')
local heads, order = {}, {}
for _, m in ipairs(all) do
  local body = string.sub(m, 3)
  local ns = namespace(body)
  if heads[ns] == nil then order[#order + 1] = ns end
  heads[ns] = string.sub(body, #ns + 2)
end
local calls = {}
for _, ns in ipairs(order) do
  if string.find(ns, ':', 1, true) then
    local meta = redis.call('HGET', H, 'm\0' .. ns .. '\0' .. heads[ns])
    local root = meta and split(meta)[2] or ''
    if root ~= '' and root ~= heads[''] and redis.call('HEXISTS', H, 'c\0\0' .. root) == 1 then
      calls[ns] = true
    end
  end
end
local runs = {}
for _, m in ipairs(all) do
  local body = string.sub(m, 3)
  local ns = namespace(body)
  if calls[ns] or string.sub(body, #ns + 2) ~= heads[ns] then
    local run = drop_checkpoint(body)
    if run ~= '' then runs[run] = true end
  end
end
for _, ns in ipairs(order) do sweep(ns) end
return runs_gone(runs)
""",
)

ALL = (READ, PUT, PUT_WRITES, DELETE_THREAD, DELETE_RUNS, PRUNE)
