/* opt.c: strict option parsing. Bad input never gets a default or a clamp:
 * it gets one line naming the option and what it accepts, and exit 2.
 * The rules are listed in wb.h, above wb_parse. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wb.h"

const char *wb_prog = "lab";

enum {
	SHOWN_MAX = 40, /* characters of a bad value echoed in a message */
	OPTS_MAX = 64,  /* options in one table (duplicates are tracked) */
};

noreturn void wb_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", wb_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* Copies the first len bytes of text into buf (at least 4 * SHOWN_MAX + 8
 * bytes) fit for a one-line message: control characters and backslashes
 * escaped as in C, anything past SHOWN_MAX characters cut to "...". */
static const char *shown(const char *text, size_t len, char *buf)
{
	static const char esc[] = "\a\b\t\n\v\f\r", name[] = "abtnvfr";
	char *p = buf;
	for (size_t i = 0; i < len && text[i]; i++) {
		unsigned char c = (unsigned char)text[i];
		const char *e = c ? strchr(esc, c) : NULL;
		if (i == SHOWN_MAX) {
			strcpy(p, "...");
			return buf;
		}
		if (e)
			p += sprintf(p, "\\%c", name[e - esc]);
		else if (c == '\\')
			p += sprintf(p, "\\\\");
		else if (c < 0x20 || c == 0x7f)
			p += sprintf(p, "\\x%02x", c);
		else
			*p++ = (char)c;
	}
	*p = '\0';
	return buf;
}

/* Writes v with as few digits as read back the same (0.001, not 0.001000). */
static void number(double v, char *buf, size_t n)
{
	for (int digits = 1; digits <= 17; digits++) {
		snprintf(buf, n, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* Describes what an option accepts, for errors and --help. */
static void accepted(const struct wb_opt *o, char *buf, size_t n)
{
	char lo[32], hi[32];
	size_t used = 0;
	switch (o->kind) {
	case WB_OPT_INT:
		snprintf(buf, n, "an integer from %.0f to %.0f", o->min,
			 o->max);
		break;
	case WB_OPT_DOUBLE:
		number(o->min, lo, sizeof lo);
		number(o->max, hi, sizeof hi);
		snprintf(buf, n, "a number from %s to %s", lo, hi);
		break;
	case WB_OPT_CHOICE:
		used = (size_t)snprintf(buf, n, "one of");
		for (int i = 0; o->choices[i] && used < n; i++)
			used += (size_t)snprintf(buf + used, n - used, "%s %s",
						 i ? "," : "", o->choices[i]);
		break;
	case WB_OPT_FLAG:
		snprintf(buf, n, "no value");
		break;
	}
}

static noreturn void bad_value(const struct wb_opt *o, const char *text)
{
	char what[256], seen[4 * SHOWN_MAX + 8];
	accepted(o, what, sizeof what);
	wb_usage_error("--%s: expected %s, got '%s'", o->name, what,
		       shown(text, strlen(text), seen));
}

/* Skips decimal digits; says through *any whether there was one. */
static const char *digits(const char *s, bool *any)
{
	while (*s >= '0' && *s <= '9') {
		s++;
		*any = true;
	}
	return s;
}

/* The one spelling of a number: an optional '-', decimal digits, and for a
 * non-integer an optional fraction and exponent. No blanks, no '+' in front,
 * no hexadecimal, no inf or nan: what strtol and strtod take beyond that. */
static bool well_formed(const char *s, bool integer)
{
	bool any = false, exp = false;
	if (*s == '-')
		s++;
	s = digits(s, &any);
	if (!integer && *s == '.')
		s = digits(s + 1, &any);
	if (any && !integer && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		s = digits(s, &exp);
		any = exp;
	}
	return any && *s == '\0';
}

static void set_value(const struct wb_opt *o, const char *text)
{
	errno = 0;
	if (o->kind == WB_OPT_INT) {
		if (!well_formed(text, true))
			bad_value(o, text);
		long v = strtol(text, NULL, 10);
		if (errno == ERANGE || (double)v < o->min || (double)v > o->max)
			bad_value(o, text);
		*(long *)o->value = v;
	} else if (o->kind == WB_OPT_DOUBLE) {
		/* strtod says ERANGE on underflow too (1e-320 is a fine 0..1
		 * value); only an overflow, to HUGE_VAL, is out of range. */
		if (!well_formed(text, false))
			bad_value(o, text);
		double v = strtod(text, NULL);
		if (!isfinite(v) || v < o->min || v > o->max)
			bad_value(o, text);
		*(double *)o->value = v == 0 ? 0 : v; /* no -0 */
	} else {
		for (int i = 0; o->choices[i]; i++)
			if (strcmp(text, o->choices[i]) == 0) {
				*(int *)o->value = i;
				return;
			}
		bad_value(o, text);
	}
}

static noreturn void usage(const char *about, const struct wb_opt *opts)
{
	char what[256];
	printf("usage: %s [options]\n%s\n\noptions:\n", wb_prog, about);
	for (const struct wb_opt *o = opts; o->name; o++) {
		accepted(o, what, sizeof what);
		if (o->kind == WB_OPT_FLAG)
			printf("  --%-18s %s\n", o->name, o->help);
		else
			printf("  --%-18s %s (%s)\n", o->name, o->help, what);
	}
	printf("  --%-18s %s\n", "help", "print this help and exit");
	exit(0);
}

/* The option called name[0..len-1], or NULL. */
static const struct wb_opt *lookup(const struct wb_opt *opts, const char *name,
				   size_t len)
{
	for (const struct wb_opt *o = opts; o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

void wb_parse(int argc, char **argv, const char *prog, const char *about,
	      const struct wb_opt *opts)
{
	char seen[4 * SHOWN_MAX + 8], what[256];
	bool given[OPTS_MAX] = {false};
	wb_prog = prog;
	for (const struct wb_opt *o = opts; o->name; o++)
		if (o - opts == OPTS_MAX)
			wb_die("wb_parse: too many options", E2BIG);
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
			usage(about, opts);
		if (strncmp(arg, "--help=", 7) == 0)
			wb_usage_error("--help: takes no value");
		if (strncmp(arg, "--", 2) != 0)
			wb_usage_error("unexpected argument '%s' (see --help)",
				       shown(arg, strlen(arg), seen));
		const char *eq = strchr(arg + 2, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct wb_opt *o = lookup(opts, arg + 2, len - 2);
		if (!o)
			wb_usage_error("unknown option '%s' (see --help)",
				       shown(arg, len, seen));
		if (given[o - opts])
			wb_usage_error("--%s: given twice, give it once",
				       o->name);
		given[o - opts] = true;
		if (o->kind == WB_OPT_FLAG) {
			if (eq)
				wb_usage_error("--%s: takes no value", o->name);
			*(bool *)o->value = true;
			continue;
		}
		/* "--threads --csv": the value is missing, not "--csv" */
		const char *text = eq ? eq + 1 : argv[i + 1];
		accepted(o, what, sizeof what);
		if (!text || (!eq && strncmp(text, "--", 2) == 0))
			wb_usage_error("--%s: missing value (%s)", o->name,
				       what);
		i += !eq;
		set_value(o, text);
	}
}
