/* words.h: the work of each stage of the word count, one function a stage.
 * Each returns 0, or -1 with a message in err (ERR_MAX bytes): the C
 * stand-in for an exception raised in that stage. */
#ifndef WORDS_H
#define WORDS_H

#include <stdint.h>

#include "queue.h"

#define ERR_MAX        96
#define WORDS_PER_LINE 8  /* every line but the last has 8 words */
#define WORD_MAX       16 /* a word's letters, its final NUL included */
#define TABLE_SLOTS    4096

/* Stage 1, read: writes line i of the text made from seed, n words of it,
 * into *m. The words have capitals and punctuation, as text does. */
int text_line(uint64_t seed, long i, int n, struct msg *m, char *err);
/* Stage 2, clean (in the child process): lower case, letters only. */
int clean_line(struct msg *m, char *err);
/* Stage 3, map and shuffle: splits m's words over out[0..parts-1] by key,
 * so that every copy of a word goes to the same reducer. */
int map_line(const struct msg *m, struct msg *out, int parts, char *err);
int word_part(const char *word, int parts); /* which part a word goes to */

/* A word and its count, in a table with open addressing. */
struct entry {
	char word[WORD_MAX];
	long count;
};
struct counts {
	struct entry *slots; /* TABLE_SLOTS of them; word[0] == 0: empty */
	long distinct;
};
void counts_init(struct counts *c);
void counts_free(struct counts *c);
/* Stage 4, reduce: counts each word of m. */
int count_line(struct counts *c, const struct msg *m, char *err);
long counts_of(const struct counts *c, const char *word); /* 0 if absent */

#endif
