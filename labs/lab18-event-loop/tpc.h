/* tpc.h: the other model, one thread per connection, each blocking in
 * read and write; the same protocol, with "sum" computed in that thread. */
#ifndef TPC_H
#define TPC_H

#include <pthread.h>

struct tpc {
	int port; /* 0: the kernel picks; tpc_open writes the port */
	int lfd;
	pthread_t acceptor;
	pthread_mutex_t lock; /* guards fds and threads */
	pthread_t *threads;   /* one per connection accepted */
	int *fds;             /* its socket, -1 once it has closed it */
	int n, cap;
};

/* Listens on 127.0.0.1:t->port; a thread accepts and starts the others. */
void tpc_open(struct tpc *t);
/* Stops accepting, shuts down every open connection, joins every thread. */
void tpc_close(struct tpc *t);

#endif
