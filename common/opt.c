/* opt.c: strict option parsing. Bad input never gets a default or a clamp:
 * it gets one line naming the option and what it accepts, and exit 2. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wb.h"

const char *wb_prog = "lab";

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

/* Describes what an option accepts, for errors and --help. */
static void accepted(const struct wb_opt *o, char *buf, size_t n)
{
	size_t used = 0;
	switch (o->kind) {
	case WB_OPT_INT:
		snprintf(buf, n, "an integer from %.0f to %.0f", o->min,
			 o->max);
		break;
	case WB_OPT_DOUBLE:
		snprintf(buf, n, "a number from %g to %g", o->min, o->max);
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
	char what[256];
	accepted(o, what, sizeof what);
	wb_usage_error("--%s: expected %s, got '%s'", o->name, what, text);
}

static void set_value(const struct wb_opt *o, const char *text)
{
	char *end;
	errno = 0;
	if (o->kind == WB_OPT_INT) {
		long v = strtol(text, &end, 10);
		/* strtol skips leading blanks; an option value must not have any */
		if (*text == ' ' || *text == '\t' || end == text || *end ||
		    errno == ERANGE || v < o->min || v > o->max)
			bad_value(o, text);
		*(long *)o->value = v;
	} else if (o->kind == WB_OPT_DOUBLE) {
		double v = strtod(text, &end);
		if (*text == ' ' || *text == '\t' || end == text || *end ||
		    errno == ERANGE || isnan(v) || v < o->min || v > o->max)
			bad_value(o, text);
		*(double *)o->value = v;
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

void wb_parse(int argc, char **argv, const char *prog, const char *about,
	      const struct wb_opt *opts)
{
	wb_prog = prog;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
			usage(about, opts);
		if (strncmp(arg, "--", 2) != 0)
			wb_usage_error("unexpected argument '%s' (see --help)",
				       arg);
		const char *name = arg + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		const struct wb_opt *o = opts;
		while (o->name && !(strlen(o->name) == len &&
				    strncmp(o->name, name, len) == 0))
			o++;
		if (!o->name)
			wb_usage_error("unknown option '%.*s' (see --help)",
				       (int)len + 2, arg);
		if (o->kind == WB_OPT_FLAG) {
			if (eq)
				wb_usage_error("--%s: takes no value", o->name);
			*(bool *)o->value = true;
			continue;
		}
		const char *text = eq ? eq + 1 : argv[++i];
		if (!text) {
			char what[256];
			accepted(o, what, sizeof what);
			wb_usage_error("--%s: missing value (%s)", o->name,
				       what);
		}
		set_value(o, text);
	}
}
