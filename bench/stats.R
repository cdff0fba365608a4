# stats.R — the R side of bench/stats: makes the wave of 100,000 responses
# and computes its statistics with the same R code that made the reference
# values of tests/stats (lib.R: base R and psych::alpha), timed.
#
#   Rscript bench/stats.R generate FILE [N]     the answers (seeded: the same
#                                               file every time)
#   Rscript bench/stats.R compute FILE OUT.json what R gives, as lib.R writes
#                                               it for the test suite; prints
#                                               the seconds spent reading the
#                                               file and computing
#
# The file: N (default 100,000) respondents, 40 Likert items q01..q40 on
# 1..5 driven by one latent trait (lib.R's likert()), every fifth item
# reversed (q05, q10, ... q40), 5% of the cells empty (missing) and 0.2%
# of the respondents with no answer at all; a group column `team` with 8
# teams of unequal size whose answers differ a little, 1% without a team;
# two waves `voor` and `na` (two decimals, 3% missing each) for the paired
# t-test. Separated by ';' with decimal commas, as a Dutch spreadsheet
# exports it.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "tests", "stats", "lib.R"))
rest <- commandArgs(trailingOnly = TRUE)

items <- sprintf("q%02d", 1:40)
reverse <- items[seq(5, 40, 5)]

if (rest[1] == "generate") {
  n <- if (length(rest) > 2) as.integer(rest[3]) else 100000L
  set.seed(20261130)
  loadings <- runif(40, 0.4, 0.9) * ifelse(items %in% reverse, -1, 1)
  m <- likert(n, loadings, missing = 0.05)
  teams <- paste("Team", c("Noord", "Oost", "Zuid", "West", "Centrum", "Haven", "Polder", "Kust"))
  team <- sample(teams, n, TRUE, prob = c(20, 15, 15, 12, 12, 10, 8, 8))
  shift <- setNames(c(-0.3, -0.2, -0.1, 0, 0, 0.1, 0.2, 0.3), teams)[team]
  # the teams differ a little: items (reversed ones the other way) moved
  up <- ifelse(items %in% reverse, -1, 1)
  m[] <- pmin(5L, pmax(1L, m + as.integer(round(outer(shift + rnorm(n, 0, 0.3), up)))))
  m[sample(n, n %/% 500), ] <- NA
  team[sample(n, n %/% 100)] <- ""
  voor <- round(rnorm(n, 3.2, 0.6), 2)
  na <- round(voor + rnorm(n, 0.15, 0.5), 2)
  voor[runif(n) < 0.03] <- NA
  na[runif(n) < 0.03] <- NA
  d <- data.frame(id = sprintf("r%06d", seq_len(n)), m, team = team, voor = voor, na = na, check.names = FALSE)
  names(d)[2:41] <- items
  write_sheet(d, rest[2], ";")
  quit(save = "no")
}

if (rest[1] == "compute") {
  # lib.R gives psych::alpha 20 s (elapsed) before it calls it hung: ample
  # for the suite's small files, not for 100,000 rows on a busy machine.
  # The same guard, with 10 minutes.
  setTimeLimit <- function(elapsed = Inf, ...) base::setTimeLimit(elapsed = if (is.finite(elapsed)) 600 else elapsed, ...)
  now <- function() { t <- proc.time(); c(wall = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]]) }
  t0 <- now()
  d <- read_sheet(rest[2], ";")
  t1 <- now()
  out <- ref_stats(d, items = items, reverse = reverse, group = "team", paired = c("voor", "na"), sep = ";")
  t2 <- now()
  write_json(out, rest[3])
  cat(sprintf("inside R: reading %.2f s wall %.2f s CPU, statistics %.2f s wall %.2f s CPU\n",
              t1[["wall"]] - t0[["wall"]], t1[["cpu"]] - t0[["cpu"]], t2[["wall"]] - t1[["wall"]], t2[["cpu"]] - t1[["cpu"]]))
  quit(save = "no")
}
stop("usage: Rscript bench/stats.R generate FILE [N] | compute FILE OUT.json")
