# The workbook's one Makefile: build, run, check, test, grade and plot labs.
# Labs are found by their folders: solutions/labNN-topic/ (the reference),
# labs/labNN-topic/ (the starter) and tests/labNN-topic.bats. A lab's .c files
# that define main are its programs; its other .c files are linked into each.
# The list of a lab's files is always read from solutions/, never from the
# tree being built: a student's tree is built from the same file names, so
# nothing it contains (a hostile file name, say) reaches make or a shell.
# tests/drivers/labNN-topic/*.c are test drivers: programs the tests own,
# linked with the lab's non-main files of the tree under test.
# An optional solutions/labNN-topic/lab.mk adds CFLAGS_<lab>, LDLIBS_<lab> or
# RUN_<lab> (the programs `make labNN` runs, in order), and an optional
# tests/drivers/labNN-topic/drivers.mk adds LDFLAGS_<lab>/<driver>. See
# `make help`.

LABS_DIR ?= labs
# A folder name is data, never code: a LABS_DIR holding a character that make
# or the shell would read as code (a student's folder named "$(shell ...)",
# say) is refused before it is used anywhere.
WB_BAD_CHARS := $$ ` " ' \ ; & | < > ( ) { } *
ifneq ($(strip $(foreach c,$(WB_BAD_CHARS),$(findstring $(c),$(value LABS_DIR)))),)
$(error LABS_DIR: a folder name may not hold any of $(WB_BAD_CHARS): rename or copy the folder)
endif
# A whole clone given as LABS_DIR stands for its labs/ folder.
ifeq ($(wildcard $(LABS_DIR)/lab[0-9][0-9]-*),)
ifneq ($(wildcard $(LABS_DIR)/labs/lab[0-9][0-9]-*),)
override LABS_DIR := $(LABS_DIR)/labs
endif
endif
ifeq ($(origin CC),default)
CC := gcc
endif
SAN ?=
ARGS ?=
PROG ?=
QUICK ?=
export QUICK

comma := ,
CCNAME := $(notdir $(firstword $(CC)))
B := build/$(CCNAME)$(if $(SAN),-$(subst $(comma),-,$(SAN)))
# The ThreadSanitizer build that tests use to check for data races, and the
# plain build that tests use where a sanitizer cannot follow the program.
BT := build/$(CCNAME)-thread
BP := build/$(CCNAME)

# POSIX.1-2008 everywhere; a file that needs a Linux-only call defines
# _GNU_SOURCE itself, with a comment saying which call.
CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Icommon
CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -pthread
LDLIBS := -lm
SANFLAGS = -fsanitize=$(1) -fno-omit-frame-pointer \
	$(if $(filter thread,$(1)),,-fno-sanitize-recover=all)
FLAGS_$(BP) := $(CFLAGS)
FLAGS_$(B) := $(CFLAGS) $(if $(SAN),$(call SANFLAGS,$(SAN)))
FLAGS_$(BT) := $(CFLAGS) $(call SANFLAGS,thread)

LABS := $(sort $(notdir $(wildcard solutions/lab[0-9][0-9]-*)))
labnum = $(patsubst lab%,%,$(firstword $(subst -, ,$(1))))
NUMS := $(foreach l,$(LABS),$(call labnum,$(l)))
labof = $(filter lab$(1)-%,$(LABS))
-include $(wildcard solutions/*/lab.mk tests/drivers/*/drivers.mk)

# Where a source tree's programs are built: labs/ and solutions/ by name,
# any other tree (a student's, for grading) by its absolute path.
treekey = $(if $(filter $(CURDIR)/labs $(CURDIR)/solutions,$(abspath $(1))),$(notdir $(abspath $(1))),ext$(subst /,_,$(abspath $(1))))
TREES := labs solutions $(if $(filter labs solutions,$(call treekey,$(LABS_DIR))),,$(LABS_DIR))
VARIANTS := $(sort $(B) $(BT) $(BP))
# The programs and the other sources of lab $(1), read from solutions/ only.
$(foreach l,$(LABS),$(eval MAINS_$(l) := $(basename $(notdir $(shell grep -l '^int main' $(wildcard solutions/$(l)/*.c) /dev/null)))))
mains = $(MAINS_$(1))
srcs = $(filter-out $(addsuffix .c,$(call mains,$(1))),$(notdir $(wildcard solutions/$(1)/*.c)))
drivers = $(basename $(notdir $(wildcard tests/drivers/$(1)/*.c)))
progs = $(addprefix $(2)/$(call treekey,$(1))/$(3)/,$(call mains,$(3)) $(call drivers,$(3)))
# progs of lab $(2) in tree $(1), for every variant
allprogs = $(foreach v,$(VARIANTS),$(call progs,$(1),$(v),$(2)))

# The jail every test runs a program in (tests/jail/jail.c): built once,
# plain, whatever the variant.
JAIL := build/jail
$(JAIL): tests/jail/jail.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

# ---- rules, generated per variant, tree and lab ----
define LIB_rules
$(1)/common/%.o: common/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(FLAGS_$(1)) -MMD -MP -c $$< -o $$@
$(1)/common/libwb.a: $(patsubst common/%.c,$(1)/common/%.o,$(wildcard common/*.c))
	$$(AR) rcs $$@ $$^
$(1)/solutions/common/%: tests/unit/%.c $(1)/common/libwb.a
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(FLAGS_$(1)) -MMD -MP -o $$@ $$^ $$(LDLIBS)
endef
# $(1) variant, $(2) source tree, $(3) lab. A driver includes the lab's
# headers from the tree under test, and tests/drivers/include/ (verdict.h).
define LAB_rules
$(1)/$(call treekey,$(2))/$(3)/%.o: $(2)/$(3)/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(FLAGS_$(1)) $$(CFLAGS_$(3)) -MMD -MP -c $$< -o $$@
$(1)/$(call treekey,$(2))/$(3)/drivers/%.o: tests/drivers/$(3)/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) -I$(2)/$(3) -Itests/drivers/include $$(FLAGS_$(1)) $$(CFLAGS_$(3)) -MMD -MP -c $$< -o $$@
$(1)/$(call treekey,$(2))/$(3)/LIBOBJS := $(addprefix $(1)/$(call treekey,$(2))/$(3)/,$(patsubst %.c,%.o,$(call srcs,$(3)))) $(1)/common/libwb.a
$(addprefix $(1)/$(call treekey,$(2))/$(3)/,$(call mains,$(3))): %: %.o $$($(1)/$(call treekey,$(2))/$(3)/LIBOBJS)
	$$(CC) $$(FLAGS_$(1)) $$(CFLAGS_$(3)) -o $$@ $$^ $$(LDLIBS_$(3)) $$(LDLIBS)
$(foreach d,$(call drivers,$(3)),
$(1)/$(call treekey,$(2))/$(3)/$(d): $(1)/$(call treekey,$(2))/$(3)/drivers/$(d).o $$($(1)/$(call treekey,$(2))/$(3)/LIBOBJS)
	$$(CC) $$(FLAGS_$(1)) $$(CFLAGS_$(3)) $$(LDFLAGS_$(3)/$(d)) -o $$@ $$^ $$(LDLIBS_$(3)) $$(LDLIBS)
)
endef
$(foreach v,$(VARIANTS),$(eval $(call LIB_rules,$(v))))
$(foreach v,$(VARIANTS),$(foreach t,$(TREES),$(foreach l,$(LABS),$(eval $(call LAB_rules,$(v),$(t),$(l))))))
# Header dependencies of the workbook's own trees only: a graded build's .d
# files were written by a compiler reading a submission, and are not read.
-include $(wildcard $(foreach v,$(VARIANTS),$(v)/common/*.d $(v)/solutions/common/*.d \
	$(foreach t,labs solutions,$(v)/$(t)/*/*.d $(v)/$(t)/*/drivers/*.d)))

# ---- user-facing targets ----
.PHONY: help all test grade mutation plots deps starters format clean
.DEFAULT_GOAL := all

help:
	@echo "usage: make TARGET [LABS_DIR=labs] [CC=clang] [SAN=thread|address,undefined]"
	@echo "  all              build every lab, starters and solutions"
	@echo "  labNN            build lab NN from LABS_DIR and run its demo (ARGS=\"...\", PROG=name)"
	@echo "  check-labNN      run lab NN's tests against LABS_DIR (your self-check)"
	@echo "  test             the workbook's own suite; ends with 'N passed, N failed'"
	@echo "  grade            grade LABS_DIR (labs/ or a clone): scores, TAP, JUnit in build/grade/ (LAB=NN: one lab)"
	@echo "  grade-class      grade every student in SUBMISSIONS=dir, JOBS at a time: build/grade/class.csv and a summary (LAB=NN)"
	@echo "  classroom        write .github/classroom/autograding.json (GitHub Classroom: make check-labNN per lab)"
	@echo "  mutation         check the exercise tests reject known-wrong and accept known-right variants (LAB=NN)"
	@echo "  plots            run the experiments and draw the figures in plots/ (QUICK=1: fast)"
	@echo "  book             WORKBOOK.md as a web book in build/book/ (pandoc; a PDF too with chromium), then its checks"
	@echo "  book-screenshot  open the book in headless Chromium and check it renders with its figures"
	@echo "  deps-browser     install Chromium, for book-screenshot and the PDF (not part of deps)"
	@echo "  deps             install the Debian packages the workbook needs"
	@echo "  starters         regenerate labs/ from solutions/ (overwrites labs/)"
	@echo "  format           clang-format the C files, then regenerate labs/"
	@echo "  clean            remove build/"
	@echo "  progress         a table of every lab: not started, started, passing n/m, done; hints seen (RUN=1: run the tests first)"
	@echo "  hint-labNN       the next hint for lab NN, from a nudge to nearly the answer (N=1: hint 1 again)"
	@echo "  watch-labNN      rerun lab NN's tests each time you save one of its files (Ctrl-C ends)"
	@echo "  reset-labNN      put lab NN's starter back; your version is kept as labs/labNN-topic.bak-DATE/"
	@echo "  compile_commands.json  tell clangd and other editors how each C file is compiled"
	@echo "labs:"
	@$(foreach l,$(LABS),printf '  lab%-6s %s\n' '$(call labnum,$(l))' '$(l)';)

all: $(foreach t,$(TREES),$(foreach l,$(LABS),$(call progs,$(t),$(B),$(l))))

# What the suite runs: both trees in every variant, and common/'s test program.
.PHONY: build-trees
build-trees: $(JAIL) $(foreach t,labs solutions,$(foreach l,$(LABS),$(call allprogs,$(t),$(l)))) \
	$(foreach v,$(VARIANTS),$(v)/solutions/common/wbtest $(v)/solutions/common/hostile)

define LAB_targets
.PHONY: lab$(1) build-lab$(1) check-lab$(1)
build-lab$(1): $(JAIL) $(call allprogs,$(LABS_DIR),$(call labof,$(1)))
# A demonstration ended by its watchdog exits 3: expected, not a make error.
lab$(1): $(call progs,$(LABS_DIR),$(B),$(call labof,$(1)))
	@for p in $$(or $$(PROG),$$(RUN_$(call labof,$(1))),$(call mains,$(call labof,$(1)))); do \
		echo "== $(B)/$(call treekey,$(LABS_DIR))/$(call labof,$(1))/$$$$p $$(ARGS)"; \
		$(B)/$(call treekey,$(LABS_DIR))/$(call labof,$(1))/$$$$p $$(ARGS); rc=$$$$?; \
		if [ $$$$rc = 3 ]; then echo "(exit status 3: the watchdog ended a stuck demonstration)"; \
		elif [ $$$$rc != 0 ]; then exit $$$$rc; fi; done
check-lab$(1): build-lab$(1) deps-check
	@$$(SUITE_ENV) tests/bin/suite check $(call labof,$(1))
endef
$(foreach n,$(NUMS),$(eval $(call LAB_targets,$(n))))

SUITE_ENV = MAKE="$(MAKE)" CC="$(CC)" SAN="$(SAN)" LABS_DIR="$(LABS_DIR)" \
	WB_BUILD="$(B)" WB_TSAN_BUILD="$(BT)" WB_PLAIN_BUILD="$(BP)" WB_TREE="$(call treekey,$(LABS_DIR))"

test: deps-check
	@$(SUITE_ENV) tests/bin/suite test

grade: deps-check $(JAIL)
	@$(SUITE_ENV) WB_ONLY="$(LAB)" tests/bin/grade

# ---- grading a class (tests/bin/class; README, "Instructors") ----
# make grade-class SUBMISSIONS=dir: every entry of dir is one student (a
# labs/ folder, a clone, or a .tar.gz/.zip of one), graded JOBS at a time
# (default: the online CPUs; LAB=NN: one lab); build/grade/class.csv and
# build/grade/class/STUDENT/. make classroom writes GitHub Classroom's
# autograding file from the labs list. SUBMISSIONS reaches the script by
# the environment only, never expanded into the recipe.
ifneq ($(strip $(foreach c,$(WB_BAD_CHARS),$(findstring $(c),$(value SUBMISSIONS)))),)
$(error SUBMISSIONS: a folder name may not hold any of $(WB_BAD_CHARS): rename or copy the folder)
endif
.PHONY: grade-class classroom
grade-class: deps-check $(JAIL)
	@$(SUITE_ENV) WB_ONLY="$(LAB)" JOBS="$(JOBS)" tests/bin/class grade
classroom:
	@mkdir -p .github/classroom
	tests/bin/class classroom >.github/classroom/autograding.json

# The mutation check: the exercise tests reject every known-wrong variant in
# tests/mutants/ and accept every known-right one (LAB=NN: one lab only).
mutation: deps-check $(JAIL)
	@$(SUITE_ENV) tests/bin/mutation $(foreach n,$(LAB),$(call labof,$(n)))

# Figures measure the reference solutions unless LABS_DIR is given.
PLOTS_DIR = $(if $(filter file,$(origin LABS_DIR)),solutions,$(LABS_DIR))
plots: deps-check
	@$(SUITE_ENV) LABS_DIR="$(PLOTS_DIR)" WB_TREE="$(call treekey,$(PLOTS_DIR))" plots/run

# ---- the web book (tests/bin/book; README, "The web book") ----
# make book: WORKBOOK.md rendered by pandoc into build/book/index.html, its
# stylesheet and figures beside it (and build/book/workbook.pdf, printed by
# chromium when installed), then checked by tests/bin/book-check: links,
# anchors, figures, one chapter per lab, the page's ids. book-screenshot
# opens it in headless Chromium, which deps-browser installs (not in deps:
# make test needs no browser).
.PHONY: book book-screenshot deps-browser
book:
	@command -v pandoc >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc; \
		else echo "missing: pandoc; run as root: apt-get install -y pandoc"; exit 1; fi; }
	@rc=0; tests/bin/book build/book || rc=1; \
	tests/bin/book-check --html build/book/index.html WORKBOOK.md || rc=1; \
	if [ $$rc = 0 ]; then echo "book: every check passed"; else echo "book: the checks above failed"; fi; exit $$rc
book-screenshot: book deps-browser
	@tests/bin/book-screenshot build/book
deps-browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "missing: chromium; run as root: apt-get install -y chromium"; exit 1; fi; }

starters:
	tests/bin/mkstarter solutions labs

# ---- the student's tools (tests/bin/student; README, "Students") ----
# make progress: a table of every lab (LAB="03 07": only those), its state
# from its files and from the last run of its exercise tests on exactly
# those files; RUN=1 runs the exercise tests of the started labs first.
# The hints seen and the results are kept in PROGRESS_DIR (git-ignored).
PROGRESS_DIR ?= .progress
ifneq ($(strip $(foreach c,$(WB_BAD_CHARS),$(findstring $(c),$(value PROGRESS_DIR)))),)
$(error PROGRESS_DIR: a folder name may not hold any of $(WB_BAD_CHARS))
endif
STUDENT = $(SUITE_ENV) PROGRESS_DIR="$(PROGRESS_DIR)" WB_LAB_ONLY="$(call digits,$(LAB))" tests/bin/student
# digits WORDS: WORDS if they hold only digits and spaces, else "bad" (which
# the script refuses): a number given on the command line reaches no shell.
digits = $(if $(strip $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst 7,,$(subst 8,,$(subst 9,,$(1)))))))))))),bad,$(strip $(1)))
.PHONY: progress compile_commands.json
progress: $(if $(RUN),deps-check)
	@$(STUDENT) progress $(if $(RUN),--run)
define STUDENT_targets
.PHONY: hint-lab$(1) watch-lab$(1) reset-lab$(1)
hint-lab$(1):
	@$$(STUDENT) hint $(call labof,$(1)) "$$(call digits,$$(N))"
watch-lab$(1): deps-check
	@$$(STUDENT) watch $(call labof,$(1))
reset-lab$(1):
	@$$(STUDENT) reset $(call labof,$(1))
endef
$(foreach n,$(NUMS),$(eval $(call STUDENT_targets,$(n))))
# compile_commands.json (CCDB_OUT= writes it elsewhere): how each C file of
# common/, labs/, solutions/ (and LABS_DIR) and the test drivers is
# compiled, for clangd and other editors.
CCDB_OUT ?= compile_commands.json
json_args = $(subst " ","$(comma) ",$(foreach w,$(1),"$(subst ",\",$(w))"))
ccdb_entry = {"directory": "$(CURDIR)", "file": "$(1)", "arguments": [$(call json_args,$(firstword $(CC)) $(CPPFLAGS) $(2) $(CFLAGS) -c $(1))]}
CCDB_COMMON := $(wildcard common/*.c tests/unit/*.c)
compile_commands.json:
	$(file >$(CCDB_OUT),[$(call ccdb_entry,$(firstword $(CCDB_COMMON)),))
	$(foreach f,$(wordlist 2,$(words $(CCDB_COMMON)),$(CCDB_COMMON)),$(file >>$(CCDB_OUT),$(comma)$(call ccdb_entry,$(f),)))
	$(foreach t,$(TREES),$(foreach l,$(LABS),$(foreach f,$(wildcard $(addprefix $(t)/$(l)/,$(notdir $(wildcard solutions/$(l)/*.c)))),$(file >>$(CCDB_OUT),$(comma)$(call ccdb_entry,$(f),$(CFLAGS_$(l)))))))
	$(foreach l,$(LABS),$(foreach f,$(wildcard tests/drivers/$(l)/*.c),$(file >>$(CCDB_OUT),$(comma)$(call ccdb_entry,$(f),-I$(LABS_DIR)/$(l) -Itests/drivers/include $(CFLAGS_$(l))))))
	$(file >>$(CCDB_OUT),])
	@echo "wrote $(CCDB_OUT): how each C file of common/, the labs and the test drivers is compiled (for clangd)"

# Packages the workbook needs, and the programs that prove each is there
# (libomp-dev: clang's OpenMP runtime, for lab15's openmp engine; patch:
# the mutation check applies its variants with it; time: GNU time, which
# lab01's tests compare with; python3: the real CPython that lab08's gil
# figure is measured against; linux-perf: perf bench sched pipe, lab17's
# cross-check; valgrind: Helgrind, which lab21's chapter runs;
# libclang-rt-14-dev: libFuzzer's runtime, for lab22's chapter; pandoc:
# make book and tests/book.bats render WORKBOOK.md; openmpi-bin and
# libopenmpi-dev: mpirun and mpicc, for lab23; inotify-tools: inotifywait,
# for make watch-labNN).
DEB_PACKAGES := gcc clang clang-format make bats gnuplot-nox \
	procps util-linux hyperfine stress-ng libomp-dev patch time python3 linux-perf valgrind \
	libclang-rt-14-dev pandoc openmpi-bin libopenmpi-dev inotify-tools
DEB_PROGRAMS := gcc clang clang-format bats gnuplot pgrep setpriv prlimit hyperfine stress-ng patch \
	python3 perf valgrind pandoc mpirun mpicc inotifywait
deps:
	@if [ "$$(id -u)" != 0 ]; then \
		echo "run as root: apt-get install -y $(DEB_PACKAGES)"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES)

.PHONY: deps-check
deps-check:
	@missing=; for p in $(DEB_PROGRAMS); do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	dpkg -s libomp-dev >/dev/null 2>&1 || missing="$$missing libomp-dev"; \
	dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || missing="$$missing libclang-rt-14-dev"; \
	[ -d /dev/mqueue ] || [ "$$(id -u)" != 0 ] || mkdir -m 1777 /dev/mqueue; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then echo "installing what is missing:$$missing"; $(MAKE) --no-print-directory deps; \
		else echo "missing:$$missing; run as root: apt-get install -y $(DEB_PACKAGES)"; exit 1; fi; fi

format:
	clang-format -i common/*.[ch] tests/unit/*.c tests/jail/*.c $(wildcard tests/drivers/*/*.[ch]) solutions/*/*.[ch]
	tests/bin/mkstarter solutions labs

clean:
	rm -rf build
