# live.R — random data sets and what R computes for them, made fresh by
# the test suite (stats.test.mjs) on every run:
#
#   Rscript tests/stats/live.R OUTDIR SEED...
#
# For each seed it writes OUTDIR/live-SEED.csv with its .expected.json (a
# questionnaire: 3 to 8 items on a 5- or 7-point scale, 0-25% missing,
# sometimes a constant item or one nobody answered, reversed items, 1 to 4
# groups of any size down to 1, two waves with missing values) and
# OUTDIR/live360-SEED.csv with its .expected.json. Same R code as
# reference.R (lib.R); nothing here is committed.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
rest <- commandArgs(trailingOnly = TRUE)
dir <- rest[1]
seeds <- as.integer(rest[-1])

for (seed in seeds) {
  set.seed(seed)
  n <- sample(c(4:12, 20, 40, 80), 1)
  k <- sample(3:8, 1)
  max <- sample(c(5, 7), 1)
  loadings <- runif(k, 0.2, 1) * sample(c(1, 1, 1, -1), k, TRUE)
  m <- likert(n, loadings, 1, max, missing = runif(1, 0, 0.25))
  if (runif(1) < 0.25) m[, sample(k, 1)] <- ifelse(runif(n) < 0.1, NA, sample(1:max, 1))
  if (runif(1) < 0.1) m[, sample(k, 1)] <- NA
  items <- paste0("v", seq_len(k))
  d <- as.data.frame(m)
  names(d) <- items
  ng <- sample(1:4, 1)
  d$groep <- sample(c(paste0("g", seq_len(ng)), ""), n, TRUE, prob = c(rep(1, ng), 0.2))
  d$pre <- round(runif(n, 1, max), sample(0:2, 1))
  d$post <- round(pmin(max, d$pre + rnorm(n, 0.3, 0.7)), 2)
  d$pre[runif(n) < 0.1] <- NA
  d$post[runif(n) < 0.1] <- NA
  reverse <- items[loadings < 0]
  sep <- sample(c(";", ","), 1)
  a <- c("--items", paste(items, collapse = ","), "--scale-max", as.character(max), "--group", "groep",
         "--paired", "pre,post")
  if (length(reverse)) a <- c(a, "--reverse", paste(reverse, collapse = ","))
  reference_case(dir, paste0("live-", seed), d, a, sep = sep, items = items, reverse = reverse, min = 1,
                 max = max, group = "groep", paired = c("pre", "post"))

  # 360: 1 to 4 subjects, 1 to 3 dimensions, raters of 2 to 4 roles, gaps
  subj <- paste0("p", seq_len(sample(1:4, 1)))
  dims <- c("Visie", "Samenwerking", "Koers")[seq_len(sample(1:3, 1))]
  rows <- list()
  for (s in subj) {
    raters <- c(if (runif(1) < 0.8) "self", if (runif(1) < 0.8) "manager",
                rep("staff", sample(0:5, 1)), rep("peer", sample(0:4, 1)), rep("client", sample(0:2, 1)))
    for (i in seq_along(raters)) for (dm in dims) {
      times <- if (runif(1) < 0.1) 2 else 1
      for (t in seq_len(times))
        rows[[length(rows) + 1]] <- data.frame(subject = s, rater_role = raters[i],
          rater_id = if (raters[i] == "self") "" else paste0(s, "-", i), dimension = dm,
          score = if (runif(1) < 0.1) NA else round(runif(1, 1, 5), sample(0:1, 1)))
    }
  }
  if (length(rows)) {
    d <- do.call(rbind, rows)
    d <- d[sample(nrow(d)), ]
    reference_case(dir, paste0("live360-", seed), d, "360", sep = sep)
  }
}
