/* words.c: generating the text, cleaning it, splitting it by key and
 * counting it. None of this knows about threads: each stage calls one of
 * these on one line at a time. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wb.h"
#include "words.h"

static const char *const vocab[] = {
	"the",  "fox",    "dog",   "quick", "brown", "lazy",  "jumps",
	"over", "and",    "a",     "river", "stone", "queue", "stage",
	"pipe", "thread", "child", "fork",  "map",   "count", "word",
	"line", "late",   "early", "slow",  "fast",  "full",  "empty",
	"wait", "put",    "get",   "end",   "error", "stops", "joined",
	"busy", "held",   "back",  "flows", "reads",
};
#define VOCAB (int)(sizeof vocab / sizeof vocab[0])

/* splitmix64: a good 64-bit mix, so each line's numbers depend only on the
 * seed and the line, whichever thread asks. */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15u;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

int text_line(uint64_t seed, long i, int n, struct msg *m, char *err)
{
	uint64_t r = mix(seed ^ mix((uint64_t)i));
	*m = (struct msg){.seq = i, .n = n};
	size_t len = 0;
	(void)err;
	for (int k = 0; k < n; k++) {
		r = mix(r);
		/* The smaller of two picks: early words are more common. */
		int a = (int)(r % VOCAB), b = (int)((r >> 20) % VOCAB);
		const char *w = vocab[a < b ? a : b];
		bool cap = k == 0 || (r >> 40) % 16 == 0;
		const char *punct = (r >> 50) % 8 == 0 ? "," : "";
		len += (size_t)snprintf(m->text + len, TEXT_MAX - len,
					"%s%c%s%s", k ? " " : "",
					cap ? toupper(w[0]) : w[0], w + 1,
					k == n - 1 ? "." : punct);
	}
	return 0;
}

int clean_line(struct msg *m, char *err)
{
	size_t j = 0;
	(void)err;
	for (size_t i = 0; m->text[i]; i++) {
		unsigned char ch = (unsigned char)m->text[i];
		if (isalpha(ch) || ch == ' ')
			m->text[j++] = (char)tolower(ch);
	}
	m->text[j] = '\0';
	return 0;
}

int word_part(const char *word, int parts)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *word; word++)
		h = (h ^ (unsigned char)*word) * 16777619u;
	return (int)(h % (uint32_t)parts);
}

int map_line(const struct msg *m, struct msg *out, int parts, char *err)
{
	char copy[TEXT_MAX], *save = NULL;
	(void)err;
	for (int p = 0; p < parts; p++)
		out[p] = (struct msg){.seq = m->seq};
	memcpy(copy, m->text, TEXT_MAX);
	for (char *w = strtok_r(copy, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		struct msg *o = &out[word_part(w, parts)];
		size_t len = strlen(o->text);
		snprintf(o->text + len, TEXT_MAX - len, "%s%s", o->n ? " " : "",
			 w);
		o->n++;
	}
	return 0;
}

void counts_init(struct counts *c)
{
	c->slots = wb_alloc(TABLE_SLOTS * sizeof *c->slots);
	c->distinct = 0;
}

void counts_free(struct counts *c)
{
	free(c->slots);
}

/* The slot of word: where it is, or the empty one where it would go. */
static struct entry *slot(const struct counts *c, const char *word)
{
	uint32_t i = (uint32_t)word_part(word, TABLE_SLOTS);
	while (c->slots[i].word[0] && strcmp(c->slots[i].word, word) != 0)
		i = (i + 1) % TABLE_SLOTS;
	return &c->slots[i];
}

int count_line(struct counts *c, const struct msg *m, char *err)
{
	char copy[TEXT_MAX], *save = NULL;
	memcpy(copy, m->text, TEXT_MAX);
	for (char *w = strtok_r(copy, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		if (strlen(w) >= WORD_MAX) {
			snprintf(err, ERR_MAX, "word too long: %.20s", w);
			return -1;
		}
		struct entry *e = slot(c, w);
		if (!e->word[0]) {
			if (c->distinct == TABLE_SLOTS / 2) {
				snprintf(err, ERR_MAX, "more than %d words",
					 TABLE_SLOTS / 2);
				return -1;
			}
			strcpy(e->word, w);
			c->distinct++;
		}
		e->count++;
	}
	return 0;
}

long counts_of(const struct counts *c, const char *word)
{
	if (strlen(word) >= WORD_MAX)
		return 0;
	return slot(c, word)->count;
}
