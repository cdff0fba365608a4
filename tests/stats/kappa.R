# kappa.R — agreement between raters: the data sets for
# `leergang stats kappa` and what R says it should print.
#
#   Rscript tests/stats/kappa.R            writes the shipped cases to data/
#   Rscript tests/stats/kappa.R DIR        the shipped cases to DIR (the suite
#                                          checks that they are reproduced)
#   Rscript tests/stats/kappa.R DIR SEED...  random cases live-kappa-SEED
#
# Made with R 4.2.2 and psych 2.2.9 (the versions of README.md). For each
# case NAME it writes NAME.csv and NAME.expected.json ("_args": the
# arguments after FILE.csv). Cohen's kappa, its variance and confidence
# bounds are psych::cohen.kappa's (given the confusion table, and the
# weights matrix for a weighted kappa); the observed and expected agreement
# are computed from psych's `agree` and `weight`. Krippendorff's alpha is
# computed here from its definition (the coincidence matrix, Krippendorff
# 2011), pair of codes by pair of codes, because no R package for it is
# installed (irr and krippendorffs.alpha are not in Debian 12's R): a
# second, independent reading of the formula in kappa.h, which leergang
# computes by counting instead.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))

# The categories in leergang's order: by number when every value is a
# number (ties by bytes), else by bytes (the C locale).
order_categories <- function(used) {
  x <- suppressWarnings(as.numeric(sub(",", ".", used, fixed = TRUE)))
  if (length(used) && !anyNA(x) && all(grepl("^[+-]?[0-9]*([.,][0-9]*)?$", used)))
    used[order(x, used, method = "radix")]
  else sort(used, method = "radix")
}

weights_matrix <- function(k, weights) {
  d <- abs(outer(seq_len(k), seq_len(k), "-"))
  if (weights == "linear") 1 - d / (k - 1) else 1 - d^2 / (k - 1)^2
}

# One kappa (unweighted, or weighted with w) from psych, as leergang prints it.
psych_kappa <- function(tab, w = NULL) {
  k <- nrow(tab)
  o <- list(observed_agreement = NA, expected_agreement = NA, kappa = NA, se = NA,
            ci = list(level = 0.95, lower = NA, upper = NA))
  if (sum(tab) == 0) return(c(o, list(note = "no units")))
  x <- tab / sum(tab)
  if (k < 2) {
    o$observed_agreement <- 1; o$expected_agreement <- 1
    return(c(o, list(note = "one category")))
  }
  r <- suppressMessages(suppressWarnings(psych::cohen.kappa(unclass(tab), w = if (is.null(w)) weights_matrix(k, "quadratic") else w)))
  p <- outer(rowSums(r$agree), colSums(r$agree))
  if (is.null(w)) {
    o$observed_agreement <- sum(diag(r$agree)); o$expected_agreement <- sum(diag(p))
    o$kappa <- r$kappa; o$se <- sqrt(r$var.kappa)
    o$ci$lower <- r$confid[1, 1]; o$ci$upper <- r$confid[1, 3]
  } else {
    o$observed_agreement <- sum(r$weight * r$agree); o$expected_agreement <- sum(r$weight * p)
    o$kappa <- r$weighted.kappa; o$se <- sqrt(r$var.weighted)
    o$ci$lower <- r$confid[2, 1]; o$ci$upper <- r$confid[2, 3]
  }
  # psych turns the NaN variance into 0 ("bad"); an SE of no kappa is none:
  # leergang prints null, the one deliberate difference (kappa.h)
  if (!is.finite(o$kappa)) { o$se <- NA; o$note <- "psych gives NaN: every unit coded by both in one category" }
  o
}

# Krippendorff's alpha for nominal codes, from the definition: m is a
# units x raters character matrix, NA where a rater gave no code.
kripp_alpha <- function(m) {
  mu <- rowSums(!is.na(m))
  out <- list(alpha = NA, units = sum(mu >= 2), values = sum(mu[mu >= 2]))
  if (out$units == 0) return(c(out, list(note = "no pairable unit")))
  cats <- sort(unique(na.omit(as.vector(m))))
  o <- matrix(0, length(cats), length(cats), dimnames = list(cats, cats))
  for (u in which(mu >= 2)) {
    v <- m[u, !is.na(m[u, ])]
    for (i in seq_along(v)) for (j in seq_along(v))
      if (i != j) o[v[i], v[j]] <- o[v[i], v[j]] + 1 / (mu[u] - 1)
  }
  nc <- rowSums(o); n <- sum(nc)
  de <- n^2 - sum(nc^2)  # sum over c != k of n_c n_k
  if (de == 0) return(c(out, list(note = "one category")))
  out$alpha <- 1 - (n - 1) * (sum(o) - sum(diag(o))) / de
  out
}

ref_kappa <- function(d, raters, weights = "none", categories = NULL) {
  cols <- lapply(raters, function(r) { v <- trimws(d[[r]]); v[is.na(v)] <- ""; v })
  used <- unique(unlist(cols)); used <- used[used != ""]
  cats <- if (is.null(categories)) order_categories(used) else categories
  k <- length(cats)
  pair <- function(a, b) {
    keep <- a != "" & b != ""
    tab <- table(factor(a[keep], levels = cats), factor(b[keep], levels = cats))
    o <- psych_kappa(tab)
    o$raters <- NULL
    o$n <- sum(keep); o$missing <- length(a) - sum(keep)
    o$confusion <- lapply(seq_len(k), function(i) as.list(as.integer(tab[i, ])))
    if (weights != "none") o$weighted <- psych_kappa(tab, if (k >= 2) weights_matrix(k, weights) else NULL)
    o
  }
  out <- list(raters = as.list(raters), rows = nrow(d), categories = as.list(cats), weights = weights)
  if (length(raters) == 2) {
    out <- c(out, pair(cols[[1]], cols[[2]]))
  } else {
    out$pairs <- list()
    for (i in 1:(length(raters) - 1)) for (j in (i + 1):length(raters))
      out$pairs[[length(out$pairs) + 1]] <- c(list(raters = list(raters[i], raters[j])), pair(cols[[i]], cols[[j]]))
  }
  m <- do.call(cbind, cols); m[m == ""] <- NA
  out$krippendorff_alpha <- kripp_alpha(m)
  out
}

kappa_case <- function(dir, name, d, raters, weights = "none", categories = NULL, sep = ";") {
  csv <- file.path(dir, paste0(name, ".csv"))
  write_sheet(d, csv, sep)
  back <- read_sheet(csv, sep)
  a <- c("--raters", paste(raters, collapse = ","))
  if (weights != "none") a <- c(a, "--weights", weights)
  if (!is.null(categories)) a <- c(a, "--categories", paste(categories, collapse = ","))
  exp <- ref_kappa(back, raters, weights, categories)
  write_json(c(list(`_args` = as.list(a)), exp), file.path(dir, paste0(name, ".expected.json")))
}

rest <- commandArgs(trailingOnly = TRUE)
dir <- if (length(rest)) rest[1] else file.path(here, "data")
dir.create(dir, showWarnings = FALSE)
seeds <- as.integer(rest[-1])

if (!length(seeds)) {
  # 1. kappa-hand: 10 fragments coded ja/nee by two researchers, worked by hand.
  #    Table (rows A, columns B; ja, nee): 4 2 / 1 3, n = 10.
  #    po = 0.7; rs = (0.6, 0.4), cs = (0.5, 0.5); pc = 0.3 + 0.2 = 0.5;
  #    kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
  #    var: sum_i x_ii ((1 - pc) - (rs_i + cs_i)(1 - po))^2
  #           = 0.4 (0.5 - 1.1 * 0.3)^2 + 0.3 (0.5 - 0.9 * 0.3)^2 = 0.01156 + 0.01587 = 0.02743;
  #         (1 - po)^2 sum_{i != j} x_ij (cs_i + rs_j)^2 = 0.09 (0.2 * 0.81 + 0.1 * 1.21) = 0.02547;
  #         (po pc - 2 pc + po)^2 = 0.05^2 = 0.0025;
  #         var = (0.02743 + 0.02547 - 0.0025) / (10 * 0.5^4) = 0.0504 / 0.625 = 0.08064,
  #    se = sqrt(0.08064) = 0.28397183, CI 0.4 -/+ 1.95996398 * 0.28397183 = [-0.15657456, 0.95657456].
  #    Krippendorff: o(ja,ja) = 8, o(nee,nee) = 6, o(ja,nee) = o(nee,ja) = 3; n_ja = 11,
  #    n_nee = 9, n = 20; alpha = 1 - 19 * 6 / (2 * 11 * 9) = 1 - 114/198 = 14/33 = 0.42424242.
  d <- data.frame(fragment = 1:10,
                  A = c("ja", "ja", "ja", "ja", "ja", "ja", "nee", "nee", "nee", "nee"),
                  B = c("ja", "ja", "ja", "ja", "nee", "nee", "nee", "nee", "nee", "ja"),
                  memo = c("let op", rep("", 9)))
  kappa_case(dir, "kappa-hand", d, c("A", "B"))

  # 2. kappa-missing: 40 fragments, 4 codes, each researcher skipped some
  #    (and both skipped two): those fragments are left out of kappa and
  #    counted; alpha keeps no unit with a single code either.
  set.seed(1902)
  codes <- c("Visie", "Koers", "Samenwerking", "Anaïs Ærø 李")
  a <- sample(codes, 40, TRUE)
  b <- ifelse(runif(40) < 0.7, a, sample(codes, 40, TRUE))
  a[c(3, 8, 21)] <- ""; b[c(8, 15, 30, 31)] <- ""; a[31] <- ""
  d <- data.frame(bron = sprintf("interview %02d", 1:40), onderzoeker1 = a, onderzoeker2 = b)
  kappa_case(dir, "kappa-missing", d, c("onderzoeker1", "onderzoeker2"))

  # 3. kappa-three: three ordered categories, given in their order (bytes
  #    would put hoog first), weighted linearly.
  set.seed(1903)
  lv <- c("laag", "midden", "hoog")
  a <- sample(lv, 30, TRUE, prob = c(0.3, 0.4, 0.3))
  b <- ifelse(runif(30) < 0.6, a, sample(lv, 30, TRUE))
  d <- data.frame(casus = 1:30, r1 = a, r2 = b)
  kappa_case(dir, "kappa-three", d, c("r1", "r2"), weights = "linear", categories = lv, sep = ",")

  # 4. kappa-perfect: both raters agree on every unit (kappa 1, SE 0).
  d <- data.frame(A = c("x", "y", "z", "x", "y", "y"), B = c("x", "y", "z", "x", "y", "y"))
  kappa_case(dir, "kappa-perfect", d, c("A", "B"), weights = "quadratic")

  # 5. kappa-one: every code the same category: kappa and alpha undefined.
  d <- data.frame(A = c("ja", "ja", "ja", "", "ja"), B = c("ja", "ja", "", "ja", "ja"))
  kappa_case(dir, "kappa-one", d, c("A", "B"))

  # 6. kappa-raters3: three raters with missing codes, numeric categories
  #    (ordered by number: 2 before 10): a kappa per pair, alpha over all.
  set.seed(1906)
  truth <- sample(c(1, 2, 10), 25, TRUE)
  m <- sapply(1:3, function(r) ifelse(runif(25) < 0.75, truth, sample(c(1, 2, 10), 25, TRUE)))
  m[cbind(c(2, 5, 5, 9, 17, 17, 17), c(1, 1, 2, 3, 1, 2, 3))] <- NA
  d <- data.frame(u = 1:25, c1 = m[, 1], c2 = m[, 2], c3 = m[, 3])
  kappa_case(dir, "kappa-raters3", d, c("c1", "c2", "c3"), weights = "quadratic")
  cat("wrote the kappa cases to", dir, "\n")
}

for (seed in seeds) {
  set.seed(seed)
  n <- sample(c(1:6, 10, 25, 60, 200), 1)
  k <- sample(1:6, 1)
  numeric <- runif(1) < 0.4
  lv <- if (numeric) as.character(sample(c(1:5, 10, 12, 20), k)) else sample(c("a", "B", "c", "d e", "é", "Z"), k)
  m <- sample(c(2, 2, 2, 3), 1)
  agree <- runif(1)
  truth <- sample(lv, n, TRUE)
  x <- sapply(seq_len(m), function(r) ifelse(runif(n) < agree, truth, sample(lv, n, TRUE)))
  x <- matrix(x, n, m)
  x[runif(n * m) < runif(1, 0, 0.3)] <- ""
  d <- as.data.frame(x, stringsAsFactors = FALSE)
  raters <- paste0("codeur", seq_len(m))
  names(d) <- raters
  d$extra <- sample(c("", "x"), n, TRUE)
  weights <- sample(c("none", "linear", "quadratic"), 1)
  given <- if (!numeric && weights != "none") lv else NULL
  kappa_case(dir, paste0("live-kappa-", seed), d, raters, weights, given, sep = sample(c(";", ","), 1))
}
