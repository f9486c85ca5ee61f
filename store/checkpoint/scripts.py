"""The Lua scripts, one per operation that must be atomic or must not cost extra round trips.

Every script takes the thread's two keys (`KEYS[1]` hash, `KEYS[2]` index; see `keys.py`), so
it runs in one Cluster slot, and uses only commands Redis 6.2 has. Scripts are atomic: a put,
a put_writes or a prune is either wholly applied or not at all, also in the append-only file
after a crash. Reads are scripts too, so `get_tuple` costs one round trip (find the latest id,
fetch its record, its blobs and its writes). Writes refresh the thread's TTL (`ttl` is in
milliseconds; 0 leaves it alone). A `redis.call` costs ~10 us inside Valkey, about as much as
the work it does, so the scripts batch (HMGET, many-field HSET and ZADD) instead of looping.
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

-- One command per 1000 arguments (Lua's unpack has a limit); pairs are never split.
local function batched(command, key, args)
  for i = 1, #args, 1000 do
    redis.call(command, key, unpack(args, i, math.min(i + 999, #args)))
  end
end

-- HMGET in batches; a missing field is false.
local function hmget(fields)
  local out = {}
  for i = 1, #fields, 1000 do
    local got = redis.call('HMGET', H, unpack(fields, i, math.min(i + 999, #fields)))
    for j = 1, #got do out[i + j - 1] = got[j] end
  end
  return out
end

local function members(prefix)
  return redis.call('ZRANGEBYLEX', Z, '[' .. prefix, '[' .. prefix .. '\255')
end

local function namespace(body)
  return string.sub(body, 1, string.find(body, '\0', 1, true) - 1)
end

local function blob(ns, parts, i)
  return 'b\0' .. ns .. '\0' .. parts[i] .. '\0' .. parts[i + 1]
end

local function expire(ms)
  if ms > 0 then
    redis.call('PEXPIRE', H, ms)
    redis.call('PEXPIRE', Z, ms)
  end
end

"""

# Only for the scripts that delete: not compiled into the hot ones.
_DELETING = r"""
-- Remove one checkpoint (body = ns \0 cid) with its pending writes and run index entry.
local function drop_checkpoint(body)
  local meta = redis.call('HGET', H, 'm\0' .. body)
  local run = meta and split(meta)[3] or ''
  local gone = members('w\0' .. body .. '\0')
  gone[#gone + 1] = 'c\0' .. body
  if run ~= '' then gone[#gone + 1] = 'r\0' .. run .. '\0' .. body end
  batched('ZREM', Z, gone)
  gone[#gone + 1] = 'm\0' .. body
  batched('HDEL', H, gone)
  return run
end

-- After deletions in a namespace: forget parents that are gone, delete blobs no checkpoint uses.
local function sweep(ns)
  local ids, kept, metas = members('c\0' .. ns .. '\0'), {}, {}
  for i, member in ipairs(ids) do
    kept[string.sub(member, #ns + 4)] = true
    metas[i] = 'm' .. string.sub(member, 2)
  end
  local used, orphans = {}, {}
  for i, meta in ipairs(hmget(metas)) do
    if meta then
      local parts = split(meta)
      if parts[1] ~= '' and not kept[parts[1]] then
        parts[1] = ''
        orphans[#orphans + 1] = metas[i]
        orphans[#orphans + 1] = table.concat(parts, '\0')
      end
      for j = 4, #parts - 1, 2 do used[blob(ns, parts, j)] = true end
    end
  end
  if #orphans > 0 then batched('HSET', H, orphans) end
  local unused = {}
  for _, b in ipairs(members('b\0' .. ns .. '\0')) do
    if not used[b] then unused[#unused + 1] = b end
  end
  if #unused > 0 then
    batched('HDEL', H, unused)
    batched('ZREM', Z, unused)
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
# Returns one string of `length:bytes` items (parsed by `rows.parse_read`): the number of rows;
# per row, newest first: member, record, meta, the number of writes, then field, value per
# write; then field, value per blob the rows use, each blob once. One string, because a reply
# of a dozen nested items costs redis-py as much to parse as the rest of the read.
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
local out, blobs, seen, count = {''}, {}, {}, 0
local function item(list, value)
  list[#list + 1] = #value .. ':' .. value
end
for _, member in ipairs(ids) do
  local body = string.sub(member, 3)
  local got = redis.call('HMGET', H, member, 'm\0' .. body)
  if got[1] and got[2] then
    count = count + 1
    local ns, parts, wanted = namespace(body), split(got[2]), {}
    for i = 4, #parts - 1, 2 do
      local b = blob(ns, parts, i)
      if not seen[b] then
        seen[b] = true
        wanted[#wanted + 1] = b
      end
    end
    for i, value in ipairs(hmget(wanted)) do
      if value then
        item(blobs, wanted[i])
        item(blobs, value)
      end
    end
    local fields, writes = members('w\0' .. body .. '\0'), {}
    for i, value in ipairs(hmget(fields)) do
      if value then
        item(writes, fields[i])
        item(writes, value)
      end
    end
    item(out, member)
    item(out, got[1])
    item(out, got[2])
    item(out, tostring(#writes / 2))
    for _, w in ipairs(writes) do out[#out + 1] = w end
  end
end
out[1] = #tostring(count) .. ':' .. count
for _, b in ipairs(blobs) do out[#out + 1] = b end
expire(tonumber(ARGV[4]))
return table.concat(out)
""",
)

# ARGV: ttl, checkpoint member, record, meta, run member or '', delta flag ('1'/'0'), then blob
# field, value pairs. Versions are unique per write (see `get_next_version`), so a blob is
# written once; writing the same version again stores the same value.
PUT = Script(
    "put",
    _HELPERS
    + r"""
local fields = {ARGV[2], ARGV[3], 'm' .. string.sub(ARGV[2], 2), ARGV[4]}
local index = {0, ARGV[2]}
if ARGV[5] ~= '' then
  index[#index + 1] = 0
  index[#index + 1] = ARGV[5]
end
if ARGV[6] == '1' then
  fields[#fields + 1] = 'd'
  fields[#fields + 1] = '1'
end
for i = 7, #ARGV - 1, 2 do
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = ARGV[i + 1]
  index[#index + 1] = 0
  index[#index + 1] = ARGV[i]
end
batched('HSET', H, fields)
batched('ZADD', Z, index)
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
local upserts, index = {}, {}
for i = 2, #ARGV - 2, 3 do
  if ARGV[i + 2] == '1' then
    upserts[#upserts + 1] = ARGV[i]
    upserts[#upserts + 1] = ARGV[i + 1]
  else
    redis.call('HSETNX', H, ARGV[i], ARGV[i + 1])
  end
  index[#index + 1] = 0
  index[#index + 1] = ARGV[i]
end
if #upserts > 0 then batched('HSET', H, upserts) end
batched('ZADD', Z, index)
expire(tonumber(ARGV[1]))
return 1
""",
)

# Returns the run ids the thread held, so the caller can take the thread out of their sets.
DELETE_THREAD = Script(
    "delete_thread",
    _HELPERS
    + _DELETING
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
    + _DELETING
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
    + _DELETING
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
