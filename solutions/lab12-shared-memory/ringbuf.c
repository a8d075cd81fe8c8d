/* ringbuf.c: a ring of bytes in shared memory, one writer process and one
 * reader. Each side owns its position: it copies bytes in (or out), then
 * publishes the new position with a release store, which the other side
 * reads with an acquire load (or both under the process-shared lock). */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "shm.h"
#include "wb.h"

/* Reads *pos; under the lock with --sync lock, else an acquire load. */
static unsigned long long get(struct ring *r, atomic_ullong *pos)
{
	if (!r->locked)
		return atomic_load_explicit(pos, memory_order_acquire);
	wb_check(pthread_mutex_lock(&r->lock), "pthread_mutex_lock");
	unsigned long long v = atomic_load_explicit(pos, memory_order_relaxed);
	wb_check(pthread_mutex_unlock(&r->lock), "pthread_mutex_unlock");
	return v;
}

/* Sets *pos: the bytes before it are written (or read) and handed over. */
static void put(struct ring *r, atomic_ullong *pos, unsigned long long v)
{
	if (r->locked)
		wb_check(pthread_mutex_lock(&r->lock), "pthread_mutex_lock");
	atomic_store_explicit(pos, v, memory_order_release);
	if (r->locked)
		wb_check(pthread_mutex_unlock(&r->lock),
			 "pthread_mutex_unlock");
	atomic_fetch_add_explicit(&r->progress, 1, memory_order_relaxed);
}

/* Waits until the ring has room (writer) or bytes (reader) past pos, this
 * side's own position: at most want, and not past the ring's end. Spins
 * briefly, then yields the CPU. */
static size_t wait_for(struct ring *r, bool writer, unsigned long long pos,
		       size_t want)
{
	for (int spins = 0;; spins++) {
		unsigned long long other = get(r, writer ? &r->tail : &r->head);
		size_t have = writer ? RING_CAP - (size_t)(pos - other)
				     : (size_t)(other - pos);
		size_t room = RING_CAP - (size_t)(pos % RING_CAP);
		size_t n = have < want ? have : want;
		if (n)
			return n < room ? n : room;
		if (spins > 100)
			sched_yield();
	}
}

void ring_move(struct ring *r, bool writer, unsigned char *buf, long size,
	       long count)
{
	atomic_ullong *mine = writer ? &r->head : &r->tail;
	unsigned long long pos = 0;
	for (long m = 0; m < count; m++) {
		if (writer)
			memcpy(buf, &m, sizeof m);
		for (long done = 0; done < size;) {
			size_t n =
				wait_for(r, writer, pos, (size_t)(size - done));
			unsigned char *at = r->data + pos % RING_CAP;
			if (writer)
				memcpy(at, buf + done, n);
			else
				memcpy(buf + done, at, n);
			done += (long)n;
			put(r, mine, pos += n);
		}
		long got;
		memcpy(&got, buf, sizeof got);
		if (!writer && got != m) {
			fprintf(stderr, "ring: message %ld arrived as %ld\n", m,
				got);
			_exit(1);
		}
	}
}
