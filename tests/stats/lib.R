# lib.R — what R says `leergang stats` should print, for the reference
# values (reference.R) and the live comparisons of the test suite
# (live.R). Sourced, not run. Every number comes from base R (mean, sd,
# var, rowMeans, t.test, aov) or psych::alpha; only the JSON layout, the
# choice of rows and the 360° privacy rules are written out here, following
# the definitions in src/stats/stats.h and src/stats/three60.h.
#
# A "note" (or "*_note") key is put wherever R gives no number (NA, NaN,
# Inf, or an error): the suite checks that leergang explains the same
# nulls, not the wording.

suppressPackageStartupMessages(library(psych))

# ---- a small JSON writer (no jsonlite needed) ------------------------------
# named list -> object, unnamed list -> array, length-1 atomic -> value;
# NA, NaN and Inf -> null; numbers with 17 significant digits.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    parts <- vapply(seq_along(x), function(i) to_json(x[[i]], inner), "")
    if (is.null(names(x))) {
      return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    keys <- vapply(names(x), json_string, "")
    return(paste0("{\n", inner, paste0(keys, ": ", parts, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (is.null(x) || length(x) != 1) stop("to_json: not a scalar: ", deparse(x))
  if (is.character(x)) return(if (is.na(x)) "null" else json_string(x))
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (!is.finite(x)) return("null")
  sprintf("%.17g", as.numeric(x))
}

json_string <- function(s) {
  s <- enc2utf8(s)
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE)
  s <- gsub("\r", "\\r", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  paste0("\"", s, "\"")
}

write_json <- function(x, file) {
  con <- file(file, open = "wb")
  writeLines(enc2utf8(to_json(x)), con, useBytes = TRUE)
  close(con)
}

# ---- reading a CSV as leergang reads it -----------------------------------
# sep ";" with decimal commas (the Dutch way), or "," with points.
read_sheet <- function(file, sep = ";") {
  read.table(file, header = TRUE, sep = sep, dec = if (sep == ";") "," else ".",
             na.strings = "", quote = "\"", check.names = FALSE, stringsAsFactors = FALSE,
             colClasses = "character", encoding = "UTF-8", fileEncoding = "UTF-8",
             strip.white = TRUE, comment.char = "")
}

num <- function(v, sep = ";") {
  v <- trimws(v)
  v[v == ""] <- NA
  as.numeric(if (sep == ";") sub(",", ".", v, fixed = TRUE) else v)
}

fin <- function(x) if (length(x) == 1 && is.finite(x)) x else NA
with_note <- function(obj, keys, note_key = "note", why = "R gives no number") {
  if (any(vapply(keys, function(k) is.null(obj[[k]]) || !is.finite(obj[[k]]), TRUE)))
    obj[[note_key]] <- why
  obj
}

desc <- function(v, name = NULL) {
  o <- list()
  if (!is.null(name)) o$name <- name
  o$n <- sum(!is.na(v))
  o$mean <- fin(mean(v, na.rm = TRUE))
  o$sd <- fin(sd(v, na.rm = TRUE))
  with_note(o, c("mean", "sd"))
}

# ---- Cronbach's alpha: psych::alpha with its defaults ---------------------
psych_alpha <- function(x) {
  # The items psych keeps (sd > 0). When a pairwise correlation among them
  # is NA (two items with fewer than 2 respondents in common, or one not
  # varying where they meet), psych's principal() stops with "missing
  # values (NAs) in the correlation matrix" -- or, for some patterns, loops
  # forever looking for the culprit (psych 2.2.9, e.g. live.R seed 485). It
  # gives no alpha either way, so it is not asked.
  s <- vapply(x, function(v) sd(v, na.rm = TRUE), 0)
  kept <- names(x)[!is.na(s) & s > 0]
  if (length(kept) < 2 || any(is.na(suppressWarnings(cor(x[kept], use = "pairwise"))))) return(NULL)
  r <- NULL
  setTimeLimit(elapsed = 20, transient = TRUE)
  on.exit(setTimeLimit(elapsed = Inf))
  # psych prints notes with cat(); keep the output of the scripts clean
  capture.output(r <- tryCatch(suppressMessages(suppressWarnings(psych::alpha(x, check.keys = FALSE, warnings = FALSE))),
                               error = function(e) {
                                 if (grepl("time limit", conditionMessage(e))) stop("psych::alpha did not finish")
                                 NULL
                               }))
  r
}

ref_alpha <- function(x) {
  a <- psych_alpha(x)
  # the items psych keeps: those with a standard deviation above 0
  s <- vapply(x, function(v) sd(v, na.rm = TRUE), 0)
  kept <- names(x)[!is.na(s) & s > 0]
  o <- list(raw = NA, std = NA)
  if (!is.null(a)) {
    o$raw <- fin(a$total$raw_alpha)
    o$std <- fin(a$total$std.alpha)
  }
  cx <- na.omit(x)
  cc <- if (nrow(cx) >= 2) psych_alpha(cx) else NULL
  o$complete_case <- if (is.null(cc)) NA else fin(cc$total$raw_alpha)
  o$n_complete <- nrow(cx)
  o$n_items <- length(kept)
  o$excluded <- lapply(setdiff(names(x), kept), function(n) list(name = n, note = "no variance"))
  o$if_dropped <- lapply(kept, function(n) {
    # With 2 items psych prints C12/C22 and R12 as "alpha if dropped"; these
    # are not the alpha of a one-item scale, and leergang prints null.
    if (is.null(a) || length(kept) < 3) return(list(name = n, raw = NA, std = NA))
    list(name = n, raw = fin(a$alpha.drop[n, "raw_alpha"]), std = fin(a$alpha.drop[n, "std.alpha"]))
  })
  o <- with_note(o, c("raw", "std"))
  if (length(kept) < 3 || any(!vapply(o$if_dropped, function(d) is.finite(d$raw) && is.finite(d$std), TRUE)))
    o$if_dropped_note <- "R gives no number"
  if (!is.finite(o$complete_case)) o$complete_case_note <- "R gives no number"
  o
}

# ---- t-tests, d, ANOVA, paired ----------------------------------------------
ttest <- function(x, y, var.equal) {
  r <- tryCatch(t.test(x, y, var.equal = var.equal), error = function(e) NULL)
  o <- if (is.null(r)) list(t = NA, df = NA, p = NA)
       else list(t = fin(unname(r$statistic)), df = fin(unname(r$parameter)), p = fin(r$p.value))
  if (!is.finite(o$t)) o <- list(t = NA, df = NA, p = NA)
  with_note(o, "t")
}

cohen_d <- function(x, y) {
  nx <- length(x); ny <- length(y)
  if (nx < 1 || ny < 1 || nx + ny < 3) return(NA)
  v <- 0
  if (nx > 1) v <- v + (nx - 1) * var(x)
  if (ny > 1) v <- v + (ny - 1) * var(y)
  s <- sqrt(v / (nx + ny - 2))
  if (s == 0) return(NA)
  (mean(x) - mean(y)) / s
}

ref_anova <- function(s, g) {
  o <- list(F = NA, df1 = NA, df2 = NA, p = NA, eta2 = NA)
  if (nlevels(g) < 2) return(with_note(o, "F"))
  tab <- summary(aov(s ~ g))[[1]]
  ss <- tab[, "Sum Sq"]
  o$df1 <- tab[1, "Df"]
  o$df2 <- if (nrow(tab) > 1) tab[2, "Df"] else 0
  sst <- sum(ss)
  # SS within of 0 up to rounding: R prints Inf or an enormous F; leergang null
  if (o$df2 > 0 && ss[2] > 1e-12 * max(sst, 1)) {
    o$F <- tab[1, "F value"]
    o$p <- tab[1, "Pr(>F)"]
  }
  if (sst > 1e-12) o$eta2 <- ss[1] / sst
  with_note(o, c("F", "eta2"))
}

ref_paired <- function(pre, post, pre_name, post_name) {
  ok <- !is.na(pre) & !is.na(post)
  d <- post[ok] - pre[ok]
  o <- list(pre = pre_name, post = post_name, n = sum(ok), mean_diff = fin(mean(d)), sd_diff = fin(sd(d)))
  r <- tryCatch(t.test(post, pre, paired = TRUE), error = function(e) NULL)
  if (!is.null(r) && is.finite(r$statistic)) {
    o$t <- unname(r$statistic); o$df <- unname(r$parameter); o$p <- r$p.value
    o$dz <- mean(d) / sd(d)
  } else {
    o$t <- NA; o$df <- NA; o$p <- NA; o$dz <- NA
  }
  with_note(o, "t")
}

# ---- the whole output of `leergang stats` -----------------------------------
ref_stats <- function(d, items = character(0), reverse = character(0), min = 1, max = 5,
                      group = NULL, paired = NULL, sep = ";") {
  out <- list(rows = nrow(d))
  if (length(items)) {
    x <- as.data.frame(lapply(d[items], num, sep = sep), check.names = FALSE)
    for (r in reverse) x[[r]] <- min + max - x[[r]]
    score <- rowMeans(x, na.rm = TRUE)
    score[is.nan(score)] <- NA
    out$n <- sum(!is.na(score))
    out$scale <- list(min = min, max = max)
    out$items <- lapply(items, function(it) {
      v <- x[[it]]
      o <- c(list(name = it, reversed = it %in% reverse), desc(v))
      o$counts <- lapply(min:max, function(p) sum(v == p, na.rm = TRUE))
      o
    })
    out$score <- desc(score)
    out$alpha <- ref_alpha(x)
    if (!is.null(group)) {
      g <- trimws(d[[group]])
      has <- !is.na(score)
      keep <- has & !is.na(g) & g != ""
      lev <- unique(g[keep])
      out$groups <- lapply(lev, function(l) desc(score[keep & g == l], l))
      out$no_group <- sum(has & !keep)
      if (length(lev) == 2) {
        a <- score[keep & g == lev[1]]; b <- score[keep & g == lev[2]]
        out$welch <- ttest(a, b, FALSE)
        out$student <- ttest(a, b, TRUE)
        out$cohen_d <- fin(cohen_d(a, b))
      } else {
        out$welch <- with_note(list(t = NA, df = NA, p = NA), "t")
        out$student <- out$welch
        out$cohen_d <- NA
      }
      if (!is.finite(out$cohen_d)) out$cohen_d_note <- "R gives no number"
      out$anova <- ref_anova(score[keep], factor(g[keep], levels = lev))
    }
  }
  if (!is.null(paired))
    out$paired <- ref_paired(num(d[[paired[1]]], sep), num(d[[paired[2]]], sep), paired[1], paired[2])
  out
}

# ---- 360° feedback ------------------------------------------------------------
ref_360 <- function(d, sep = ";") {
  d$subject <- trimws(d$subject)
  d$rater_role <- tolower(trimws(d$rater_role))
  d$rater_id <- trimws(d$rater_id)
  d$dimension <- trimws(d$dimension)
  d$score <- num(d$score, sep)
  d <- d[!is.na(d$score), ]
  subjects <- lapply(unique(d$subject), function(s) {
    ds <- d[d$subject == s, ]
    dims <- lapply(unique(ds$dimension), function(dim) {
      r <- ds[ds$dimension == dim, ]
      self <- r$score[r$rater_role == "self"]
      o <- r[r$rater_role != "self", ]
      # one score per rater: the mean of their rows
      raters <- unique(o$rater_id)
      rs <- vapply(raters, function(id) mean(o$score[o$rater_id == id]), 0)
      role <- vapply(raters, function(id) o$rater_role[o$rater_id == id][1], "")
      roles <- unique(o$rater_role)
      named <- roles[roles != "manager" & vapply(roles, function(x) sum(role == x), 0) >= 3]
      small <- setdiff(roles[roles != "manager"], named)
      nmerged <- sum(role %in% small)
      cats <- list()
      if (any(role == "manager"))
        cats[[length(cats) + 1]] <- list(role = "manager", n = sum(role == "manager"), suppressed = FALSE,
                                         mean = mean(rs[role == "manager"]))
      for (x in named)
        cats[[length(cats) + 1]] <- list(role = x, n = sum(role == x), suppressed = FALSE, mean = mean(rs[role == x]))
      if (nmerged > 0) {
        cats[[length(cats) + 1]] <- if (nmerged >= 3)
          list(role = "others", n = nmerged, suppressed = FALSE, mean = mean(rs[role %in% small]))
        else list(role = "others", n = nmerged, suppressed = TRUE)
      }
      cell <- list(dimension = dim, self = if (length(self)) mean(self) else NA, self_n = length(self),
                   others_n = length(raters))
      if (length(raters) < 3 || (nmerged > 0 && nmerged < 3)) {
        cell$suppressed <- TRUE
        cell$note <- "suppressed"
      } else {
        cell$suppressed <- FALSE
        cell$others_mean <- mean(rs)
        cell$gap <- cell$self - cell$others_mean
        if (!is.finite(cell$gap)) cell$note <- "no self rating"
      }
      cell$categories <- cats
      cell
    })
    list(subject = s, dimensions = dims)
  })
  list(subjects = subjects)
}

# ---- making data ------------------------------------------------------------
# Likert answers min..max driven by one latent trait, so that alpha means
# something; loadings below 0 make an item that needs reversing.
likert <- function(n, loadings, min = 1, max = 5, missing = 0) {
  f <- rnorm(n)
  k <- max - min + 1
  cuts <- c(-Inf, qnorm(seq_len(k - 1) / k) * 1.6, Inf)
  m <- sapply(loadings, function(l) {
    v <- min - 1 + as.integer(cut(l * f + rnorm(n), breaks = cuts))
    v[runif(n) < missing] <- NA
    v
  })
  matrix(m, nrow = n)
}

write_sheet <- function(d, file, sep = ";") {
  write.table(d, file, sep = sep, dec = if (sep == ";") "," else ".", na = "", row.names = FALSE,
              qmethod = "double", fileEncoding = "UTF-8")
}

# Writes NAME.csv, reads it back as leergang will, and writes
# NAME.expected.json with the arguments to give leergang in "_args".
reference_case <- function(dir, name, d, args, sep = ";", ...) {
  csv <- file.path(dir, paste0(name, ".csv"))
  write_sheet(d, csv, sep)
  back <- read_sheet(csv, sep)
  exp <- if (identical(args[1], "360")) ref_360(back, sep) else ref_stats(back, sep = sep, ...)
  write_json(c(list(`_args` = as.list(args)), exp), file.path(dir, paste0(name, ".expected.json")))
}
