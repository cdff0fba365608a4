# two_wave.R — the analysis of a two-wave study: the data sets for
# `leergang stats twowave` and what R says it should print.
#
#   Rscript tests/stats/two_wave.R               writes the shipped cases to data/
#   Rscript tests/stats/two_wave.R DIR           the shipped cases to DIR (the suite
#                                                checks that they are reproduced)
#   Rscript tests/stats/two_wave.R DIR SEED...   random studies live-twowave-SEED
#
# Made with R 4.2.2 (base R only; lib.R, which loads psych, only for its
# JSON writer and CSV reader). Each case NAME is NAME.csv (a row per person:
# pseudoniem, groep, meting1, meting2, ';' with decimal commas) and
# NAME.expected.json ("_args": the arguments after FILE.csv). The numbers:
#   per group   t.test(meting2, meting1, paired = TRUE) over complete.cases:
#               mean and sd of the differences, statistic, parameter,
#               p.value, conf.int; dz = mean / sd
#   difference  t.test(change_interventie, change_vergelijking) (Welch):
#               statistic, parameter, p.value, conf.int, and Hedges' g =
#               d * (1 - 3 / (4 (nx + ny) - 9)), d = the difference of the
#               means over the pooled SD (written out: no effect-size
#               package is installed)
# Where R gives no number (t.test stops, or NA), the JSON has null and a note.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))

GROUPS <- c("interventie", "vergelijking")
ARGS <- list("--group", "groep", "--groups", paste(GROUPS, collapse = ","), "--paired", "meting1,meting2")

safe_t <- function(...) tryCatch(t.test(...), error = function(e) NULL)

change <- function(w1, w2) {
  ok <- complete.cases(w1, w2)
  d <- w2[ok] - w1[ok]
  o <- list(n = sum(ok), mean_change = fin(mean(d)), sd_change = fin(sd(d)), t = NA, df = NA, p = NA,
            ci_lower = NA, ci_upper = NA, dz = NA)
  r <- if (sum(ok) >= 2) safe_t(w2[ok], w1[ok], paired = TRUE) else NULL
  if (!is.null(r) && is.finite(r$statistic)) {
    o$t <- unname(r$statistic); o$df <- unname(r$parameter); o$p <- r$p.value
    o$ci_lower <- r$conf.int[1]; o$ci_upper <- r$conf.int[2]
    o$dz <- mean(d) / sd(d)
  }
  with_note(o, c("mean_change", "sd_change", "t", "df", "p", "ci_lower", "ci_upper", "dz"))
}

difference <- function(cx, cy) {
  nx <- length(cx); ny <- length(cy)
  o <- list(n_intervention = nx, n_comparison = ny,
            difference = if (nx && ny) mean(cx) - mean(cy) else NA,
            t = NA, df = NA, p = NA, ci_lower = NA, ci_upper = NA, hedges_g = NA)
  r <- if (nx >= 2 && ny >= 2) safe_t(cx, cy) else NULL
  if (!is.null(r) && is.finite(r$statistic)) {
    o$t <- unname(r$statistic); o$df <- unname(r$parameter); o$p <- r$p.value
    o$ci_lower <- r$conf.int[1]; o$ci_upper <- r$conf.int[2]
    sp <- sqrt(((nx - 1) * var(cx) + (ny - 1) * var(cy)) / (nx + ny - 2))
    o$hedges_g <- fin((mean(cx) - mean(cy)) / sp * (1 - 3 / (4 * (nx + ny) - 9)))
  }
  with_note(o, c("difference", "t", "df", "p", "ci_lower", "ci_upper", "hedges_g"))
}

ref_two_wave <- function(d) {
  w1 <- num(d$meting1); w2 <- num(d$meting2)
  x <- d$groep == GROUPS[1]; y <- d$groep == GROUPS[2]
  cx <- (w2 - w1)[x & complete.cases(w1, w2)]
  cy <- (w2 - w1)[y & complete.cases(w1, w2)]
  list(groups = as.list(GROUPS), intervention = change(w1[x], w2[x]), comparison = change(w1[y], w2[y]),
       difference = difference(cx, cy))
}

case <- function(dir, name, d) {
  csv <- file.path(dir, paste0(name, ".csv"))
  write_sheet(d, csv, ";")
  back <- read_sheet(csv, ";")
  write_json(c(list(`_args` = ARGS), ref_two_wave(back)), file.path(dir, paste0(name, ".expected.json")))
}

# A scale score: the mean of 4 items of 1..5 (so quarters), NA when missing.
score <- function(n, shift = 0, missing = 0) {
  items <- matrix(pmin(5, pmax(1, round(3 + shift + rnorm(n * 4)))), ncol = 4)
  s <- rowMeans(items)
  s[runif(n) < missing] <- NA
  s
}

study <- function(nx, ny, effect, missing) {
  n <- nx + ny
  base <- score(n, 0, missing)
  g <- rep(GROUPS, c(nx, ny))
  later <- score(n, ifelse(g == GROUPS[1], effect, 0), missing)
  later <- ifelse(is.na(later) | is.na(base), later, pmin(5, pmax(1, 0.6 * base + 0.4 * later)))
  data.frame(pseudoniem = sprintf("P-%010x", sample.int(.Machine$integer.max, n)), groep = g,
             meting1 = base, meting2 = later, stringsAsFactors = FALSE)
}

shipped <- function(dir) {
  # the demo's size: 12 + 12 people, 9.5 months apart, a few missing
  set.seed(19)
  case(dir, "twowave-demo", study(12, 12, 0.6, 0.1))
  # small by hand: the comparison group's changes are all equal (no t,
  # R stops: "data are essentially constant"), one person in the
  # intervention group lacks wave 2
  case(dir, "twowave-small", data.frame(
    pseudoniem = c("P-a1", "P-a2", "P-a3", "P-a4", "P-b1", "P-b2", "P-b3"),
    groep = c(rep(GROUPS[1], 4), rep(GROUPS[2], 3)),
    meting1 = c(3, 2.5, 4, 3.25, 2, 3, 4),
    meting2 = c(3.5, 3.25, NA, 4, 2.5, 3.5, 4.5), stringsAsFactors = FALSE))
  # one pair a group: no t at all, only the means
  case(dir, "twowave-one", data.frame(pseudoniem = c("P-1", "P-2", "P-3"), groep = c(GROUPS, GROUPS[2]),
    meting1 = c(3, 4, NA), meting2 = c(4, 3.5, 2), stringsAsFactors = FALSE))
}

live <- function(dir, seed) {
  set.seed(seed)
  nx <- sample(3:30, 1); ny <- sample(3:30, 1)
  case(dir, paste0("live-twowave-", seed), study(nx, ny, runif(1, -0.5, 1), runif(1, 0, 0.2)))
}

a <- commandArgs(trailingOnly = TRUE)
if (length(a) == 0) shipped(file.path(here, "data")) else if (length(a) == 1) shipped(a[1]) else
  for (s in a[-1]) live(a[1], as.integer(s))
