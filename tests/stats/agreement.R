# agreement.R — two coders' agreement per code over the characters of
# coded texts: the data sets for `leergang stats agreement` and what R
# says it should print.
#
#   Rscript tests/stats/agreement.R              writes the shipped case to data/
#   Rscript tests/stats/agreement.R DIR          the shipped case to DIR (the suite
#                                                checks that it is reproduced)
#   Rscript tests/stats/agreement.R DIR SEED...  random cases live-agreement-SEED
#
# Made with R 4.2.2 and psych 2.2.9. A CSV NAME.csv has rows
# source,length,coder,code,start,end; each NAME*.expected.json says which
# CSV it is about ("_file") and the arguments after it ("_args"), so one
# CSV serves with and without the uncoded text.
#
# How the reference values are obtained, independently of leergang's sweep
# and closed formula: every character of every chosen source is expanded
# into two 0/1 vectors per code (coder A coded it with that code or not,
# and B), by assigning 1 to a[(start + 1):end] selection by selection; the
# characters nobody coded with any code are dropped for "without the
# uncoded text". Then per code
#   kappa, se, lower, upper   psych::cohen.kappa(cbind(a, b)): kappa,
#                             sqrt(var.kappa), confid[1, 1], confid[1, 3]
#   alpha                     Krippendorff's coincidence matrix of the two
#                             vectors, o = t + t(t) with t = table(a, b)
#                             (two values per unit: m_u - 1 = 1), then
#                             1 - (n - 1) sum_{c != k} o_ck / sum_{c != k} n_c n_k
#   agreement                 100 * mean(a == b)
# and the counts by table(). Where kappa is undefined (no characters, or
# every one in the same cell of the diagonal: psych then gives NaN) the
# value is null with a note.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))

# The expanded 0/1 vectors of coder `who` and code `code` over the chosen
# sources, character by character.
expand <- function(d, sources, len, who, code) {
  unlist(lapply(seq_along(sources), function(i) {
    v <- integer(len[i])
    r <- d[!is.na(d$coder) & d$source == sources[i] & d$coder %in% who &
           (is.null(code) | (!is.na(d$code) & d$code %in% code)), ]
    for (j in seq_len(nrow(r))) v[(as.integer(r$start[j]) + 1):as.integer(r$end[j])] <- 1L
    v
  }))
}

ref_agreement <- function(d, coders, with_uncoded, chosen = NULL) {
  srcs <- unique(d$source)
  len <- as.integer(d$length[match(srcs, d$source)])
  codes <- unique(d$code[!is.na(d$code)])
  use <- if (is.null(chosen)) rep(TRUE, length(srcs)) else srcs %in% chosen
  s <- srcs[use]; l <- len[use]
  any <- expand(d, s, l, coders, NULL)
  keep <- if (with_uncoded) rep(TRUE, length(any)) else any == 1L
  out <- list(coders = as.list(coders), sources = as.list(s), with_uncoded = with_uncoded,
              characters = sum(keep), codes = list())
  for (code in codes) {
    a <- expand(d, s, l, coders[1], code)[keep]
    b <- expand(d, s, l, coders[2], code)[keep]
    t <- table(factor(a, levels = 0:1), factor(b, levels = 0:1))
    o <- list(code = code, a_only = t[2, 1], b_only = t[1, 2], both = t[2, 2], neither = t[1, 1],
              a_coded = sum(a), b_coded = sum(b),
              kappa = NA, se = NA, lower = NA, upper = NA, alpha = NA,
              agreement = if (length(a)) 100 * mean(a == b) else NA)
    # undefined when there are no characters, or all are in one cell of
    # the diagonal (expected agreement 1: psych gives NaN); all in one cell
    # off it (A coded every character, B none) is kappa 0, alpha defined
    if (length(a) && t[1, 1] < length(a) && t[2, 2] < length(a)) {
      r <- suppressMessages(suppressWarnings(psych::cohen.kappa(cbind(a, b))))
      o$kappa <- r$kappa; o$se <- sqrt(r$var.kappa)
      o$lower <- r$confid[1, 1]; o$upper <- r$confid[1, 3]
      # Where the variance is 0 exactly psych prints the rounding error of
      # its cancelling terms (an SE near 1e-8); leergang prints 0, the
      # exact value (kappa.h, coding_agreement.h): at perfect agreement,
      # and when a coder coded none or all of the characters with the code
      # (a margin is 0: kappa 0; with p, q the two cells used, the terms
      # are p^3 q^2 + q^3 p^2 - p^2 q^2 = 0).
      if (t[1, 2] + t[2, 1] == 0 || any(rowSums(t) == 0) || any(colSums(t) == 0)) {
        # psych's value is that rounding error, amplified by 1 / (1 - pc)^4
        # when nearly every character is uncoded: small, seldom 0 exactly
        if (r$var.kappa >= 1e-8) stop("psych's variance ", r$var.kappa, " is not 0 give or take rounding")
        o$se <- 0; o$lower <- o$kappa; o$upper <- o$kappa
      }
      oc <- unclass(t) + t(unclass(t))
      nc <- rowSums(oc); n <- sum(nc)
      o$alpha <- 1 - (n - 1) * (oc[1, 2] + oc[2, 1]) / (n^2 - sum(nc^2))
    } else {
      o$note <- "R gives no number: no characters, or every one in the same diagonal cell (psych: NaN)"
    }
    out$codes[[length(out$codes) + 1]] <- o
  }
  out
}

agreement_csv <- function(dir, name, d, sep) {
  csv <- file.path(dir, paste0(name, ".csv"))
  write_sheet(d, csv, sep)
  read_sheet(csv, sep)
}

# Without --coders leergang takes the two coders in the order they first
# appear in the file.
agreement_case <- function(dir, name, file, back, coders, with_uncoded, chosen = NULL, give_coders = TRUE) {
  if (!give_coders) coders <- unique(back$coder[!is.na(back$coder)])
  a <- character(0)
  if (!with_uncoded) a <- c(a, "--without-uncoded")
  if (give_coders) a <- c(a, "--coders", paste(coders, collapse = ","))
  if (!is.null(chosen)) a <- c(a, "--sources", paste(chosen, collapse = ","))
  exp <- ref_agreement(back, coders, with_uncoded, chosen)
  write_json(c(list(`_file` = paste0(file, ".csv"), `_args` = as.list(a)), exp),
             file.path(dir, paste0(name, ".expected.json")))
}

# One coding: rows of a data frame with every column as text.
coding <- function(source, length, coder, code, start, end)
  data.frame(source = source, length = as.character(length), coder = coder, code = code,
             start = as.character(start), end = as.character(end), stringsAsFactors = FALSE)

# Random selections of two (or three) coders on 1-4 sources: B mostly
# follows A, shifted by a few characters, and adds some of its own.
generate <- function(codes, coders, nsrc, maxlen, p_follow) {
  rows <- list()
  len <- sample(20:maxlen, nsrc, TRUE)
  srcs <- sprintf("interview %02d", seq_len(nsrc))
  for (i in seq_len(nsrc)) for (code in codes) {
    pa <- if (runif(1) < 0.15) 0 else rpois(1, 2)
    for (k in seq_len(pa)) {
      st <- sample(0:(len[i] - 1), 1); en <- min(len[i], st + sample(1:200, 1))
      rows[[length(rows) + 1]] <- coding(srcs[i], len[i], coders[1], code, st, en)
      if (runif(1) < p_follow) {
        s2 <- max(0, st + sample(-8:8, 1)); e2 <- min(len[i], en + sample(-8:8, 1))
        if (s2 < e2) rows[[length(rows) + 1]] <- coding(srcs[i], len[i], coders[2], code, s2, e2)
      }
    }
    for (k in seq_len(rpois(1, 0.7))) {
      who <- sample(coders[-1], 1)
      st <- sample(0:(len[i] - 1), 1); en <- min(len[i], st + sample(1:150, 1))
      rows[[length(rows) + 1]] <- coding(srcs[i], len[i], who, code, st, en)
    }
  }
  list(rows = rows, srcs = srcs, len = len)
}

rest <- commandArgs(trailingOnly = TRUE)
dir <- if (length(rest)) rest[1] else file.path(here, "data")
dir.create(dir, showWarnings = FALSE)
seeds <- as.integer(rest[-1])

if (!length(seeds)) {
  # agreement-interviews: three interviews and an observation nobody coded,
  # five codes of which one ("Eigenaarschap") nobody used, a selection of
  # onderzoeker1 that overlaps another of the same code, a code only
  # onderzoeker2 used ("Anaïs Ærø 李", to carry UTF-8 through).
  set.seed(1919)
  codes <- c("Visie", "Koers", "Samenwerking")
  g <- generate(codes, c("onderzoeker1", "onderzoeker2"), 3, 1500, 0.75)
  rows <- c(g$rows, list(
    coding("interview 01", g$len[1], "onderzoeker1", "Visie", 10, 90),
    coding("interview 01", g$len[1], "onderzoeker1", "Visie", 40, 160),
    coding("interview 01", g$len[1], "onderzoeker2", "Visie", 30, 150),
    coding("interview 02", g$len[2], "onderzoeker2", "Anaïs Ærø 李", 5, 60),
    coding("observatie 04", 640, NA, NA, NA, NA),
    coding("interview 03", g$len[3], NA, "Eigenaarschap", NA, NA)))
  d <- do.call(rbind, rows)
  d <- d[sample(nrow(d)), ]
  back <- agreement_csv(dir, "agreement-interviews", d, ",")
  cod <- NULL
  agreement_case(dir, "agreement-interviews", "agreement-interviews", back, cod, TRUE, give_coders = FALSE)
  agreement_case(dir, "agreement-interviews-without", "agreement-interviews", back, cod, FALSE, give_coders = FALSE)
  agreement_case(dir, "agreement-interviews-subset", "agreement-interviews", back, cod, FALSE,
                 chosen = c("interview 03", "interview 01"), give_coders = FALSE)
  cat("wrote the agreement cases to", dir, "\n")
}

for (seed in seeds) {
  set.seed(seed)
  codes <- sample(c("Visie", "Koers", "Samenwerking", "Eigenaarschap", "Reflectie", "é ü"), sample(1:6, 1))
  coders <- if (runif(1) < 0.3) c("codeur A", "codeur B", "codeur C") else c("codeur A", "codeur B")
  g <- generate(codes, coders, sample(1:4, 1), sample(c(100, 800, 3000), 1), runif(1))
  if (runif(1) < 0.3) g$rows[[length(g$rows) + 1]] <- coding("leeg", 300, NA, NA, NA, NA)
  if (runif(1) < 0.3) g$rows[[length(g$rows) + 1]] <- coding(g$srcs[1], g$len[1], NA, "ongebruikt", NA, NA)
  d <- do.call(rbind, g$rows)
  # both coders must appear: one selection each at least
  d <- rbind(d, coding(g$srcs[1], g$len[1], coders[1:2], codes[1], 0, 1))
  d <- d[sample(nrow(d)), ]
  name <- paste0("live-agreement-", seed)
  back <- agreement_csv(dir, name, d, sample(c(";", ","), 1))
  srcs <- unique(back$source)
  chosen <- if (length(srcs) > 1 && runif(1) < 0.4) sample(srcs, sample(1:(length(srcs) - 1), 1)) else NULL
  cod <- if (length(coders) == 2 && runif(1) < 0.5) rev(coders[1:2]) else coders[1:2]
  agreement_case(dir, name, name, back, cod, TRUE, chosen)
  agreement_case(dir, paste0(name, "-without"), name, back, cod, FALSE, chosen)
}
