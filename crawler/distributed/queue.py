"""The shared request queue: scrapy-redis's priority queue, where taking a request leases it.

A lease (``<queue>:leases``, its expiry time) keeps the request (``<queue>:leased``) for its
worker (``<queue>:owners``) until it is acknowledged. Each worker beats (``<prefix>workers``:
worker name, the server time its heartbeat lapses); reaping puts back in the queue the leases
of workers whose heartbeat has lapsed, and, as a last resort, leases past their expiry, or
sends them to the dead letters (``<queue>:dead``) after ``max_tries``. All of it runs as Lua
scripts: atomic on the server. Heartbeats are timed by the server's clock; lease expiry, the
last resort, by the reaping worker's (it only needs the machines' clocks within minutes).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from crawler.distributed import LEASE

_POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return nil end
redis.call('ZREM', KEYS[1], found[1])
local id = redis.sha1hex(found[1])
redis.call('ZADD', KEYS[2], ARGV[1], id)
redis.call('HSET', KEYS[3], id, found[1])
redis.call('HSET', KEYS[4], id, found[2])
redis.call('HSET', KEYS[5], id, ARGV[2])
return {id, found[1]}
"""
# ARGV: worker, then lease ids. Acknowledges the leases this worker holds: a lease reaped
# from it (its heartbeat lapsed in a stall) and taken by another is the other's to finish.
_ACK = """
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('HGET', KEYS[5], id) == ARGV[1] then
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[2], id)
    redis.call('HDEL', KEYS[3], id)
    redis.call('HDEL', KEYS[4], id)
    redis.call('HDEL', KEYS[5], id)
  end
end
"""
# Heartbeat: this worker (ARGV[1]) lives for ARGV[2] more seconds of the server's clock.
# Workers silent for a day are forgotten.
_BEAT = """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
redis.call('HSET', KEYS[1], ARGV[1], now + tonumber(ARGV[2]))
local workers = redis.call('HGETALL', KEYS[1])
for i = 1, #workers, 2 do
  if tonumber(workers[i + 1]) < now - 86400 then redis.call('HDEL', KEYS[1], workers[i]) end
end
"""
# ARGV: now (for lease expiry), max tries, owner ('': expired leases, and with ARGV[4] == '1'
# those of workers whose heartbeat has lapsed; else all of that owner's).
_REAP = """
if redis.replicate_commands then redis.replicate_commands() end
local ids = {}
if ARGV[3] == '' then
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
  if ARGV[4] == '1' then
    local t = redis.call('TIME')
    local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
    local alive = {}
    local owners = redis.call('HGETALL', KEYS[7])
    for i = 1, #owners, 2 do
      local owner = owners[i + 1]
      if alive[owner] == nil then
        local lapses = redis.call('HGET', KEYS[8], owner)
        alive[owner] = lapses ~= false and tonumber(lapses) >= now
      end
      if not alive[owner] then table.insert(ids, owners[i]) end
    end
  end
else
  local owners = redis.call('HGETALL', KEYS[7])
  for i = 1, #owners, 2 do
    if owners[i + 1] == ARGV[3] then table.insert(ids, owners[i]) end
  end
end
local requeued, dead = 0, 0
for _, id in ipairs(ids) do
  local data = redis.call('HGET', KEYS[3], id)
  local score = redis.call('HGET', KEYS[4], id) or '0'
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
  redis.call('HDEL', KEYS[7], id)
  if data then
    local tries = redis.call('HINCRBY', KEYS[5], id, 1)
    if tries >= tonumber(ARGV[2]) then
      redis.call('RPUSH', KEYS[6], data)
      redis.call('HDEL', KEYS[5], id)
      dead = dead + 1
    else
      redis.call('ZADD', KEYS[1], score, data)
      requeued = requeued + 1
    end
  end
end
return {requeued, dead}
"""


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis's priority queue, where taking a request leases it."""

    lease_seconds = 600.0
    heartbeat_seconds = 10.0
    max_tries = 3
    worker = ""
    workers_key = "news:workers"

    @property
    def keys(self) -> list[str]:
        key = self.key
        return [key, f"{key}:leases", f"{key}:leased", f"{key}:scores", f"{key}:tries",
                f"{key}:dead", f"{key}:owners", self.workers_key]  # fmt: skip

    def pop(self, timeout: int = 0) -> Request | None:
        queue, leases, leased, scores, _, _, owners, _ = self.keys
        deadline = time.time() + self.lease_seconds
        found = self.server.eval(
            _POP, 5, queue, leases, leased, scores, owners, deadline, self.worker
        )
        if not found:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else lease
        return request

    def ack(self, leases: Iterable[str]) -> None:
        leases = [lease for lease in leases if lease]
        if leases:
            _, leased_key, leased, scores, tries, _, owners, _ = self.keys
            self.server.eval(
                _ACK, 5, leased_key, leased, scores, tries, owners, self.worker, *leases
            )

    def beat(self) -> None:
        """Tell the other workers this one is alive for ``heartbeat_seconds`` more."""
        self.server.eval(_BEAT, 1, self.keys[7], self.worker, self.heartbeat_seconds)

    def stop_beating(self) -> None:
        """This worker is done: what it may still hold goes back at the next reaping."""
        self.server.hdel(self.keys[7], self.worker)

    def reap(self, owner: str = "", lapsed: bool = True) -> tuple[int, int]:
        """Leases of workers whose heartbeat has lapsed (unless not ``lapsed``) and expired
        leases, or all of ``owner``'s (a dead worker's), back to the queue, or to the dead
        letters after too many tries."""
        found = self.server.eval(
            _REAP, 8, *self.keys, time.time(), self.max_tries, owner, "1" if lapsed else "0"
        )
        return int(found[0]), int(found[1])

    def workers(self) -> dict[str, float]:
        """Each worker's heartbeat: the server time (Unix seconds) it lapses."""
        return {k.decode(): float(v) for k, v in self.server.hgetall(self.keys[7]).items()}

    def leases(self) -> int:
        return int(self.server.zcard(self.keys[1]))

    def dead(self) -> int:
        return int(self.server.llen(self.keys[5]))
