# reference.R — makes the data sets in tests/stats/data/ and the values R
# gives for them, which `leergang stats` must reproduce.
#
#   Rscript tests/stats/reference.R        (from anywhere)
#   Rscript tests/stats/reference.R DIR    (write to DIR instead; the test
#                                           suite does so to check that the
#                                           committed files are reproduced)
#
# Made with R 4.2.2 (r-base-core, Debian 12) and psych 2.2.9
# (r-cran-psych); no other package. For each case NAME it writes
#   data/NAME.csv            the answers, as a spreadsheet would export them
#   data/NAME.expected.json  what R computes from that file read back, with
#                            the arguments for leergang in "_args"
# The R code that computes each number is in lib.R; the definitions it
# follows are in src/stats/stats.h and src/stats/three60.h, and README.md
# lists the cases and why each is there. The files are committed: run this
# again only when a case is added or a definition changes, and look at the
# diff — the numbers of an unchanged case must not move.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
out <- commandArgs(trailingOnly = TRUE)
dir <- if (length(out)) out[1] else file.path(here, "data")
dir.create(dir, showWarnings = FALSE)

# 1. likert: 60 respondents, 6 items (q4 reversed, q6 constant), about 8%
#    missing, one respondent with nothing answered, three teams with hostile
#    names, some respondents without a team. ';' and decimal commas.
set.seed(20240601)
m <- likert(60, c(0.9, 0.8, 0.7, -0.8, 0.6, 0), missing = 0.08)
m[, 6] <- ifelse(is.na(m[, 6]), NA, 4L)
m[17, ] <- NA
teams <- c("O'Brien & \"Zonen\"", "Anaïs Ærø 李", "Jan <script>alert(1)</script>")
d <- data.frame(id = sprintf("r%02d", 1:60), q1 = m[, 1], q2 = m[, 2], q3 = m[, 3], q4 = m[, 4],
                q5 = m[, 5], q6 = m[, 6], team = sample(teams, 60, TRUE), check.names = FALSE)
d$team[c(3, 29, 44)] <- ""
reference_case(dir, "likert", d, c("--items", "q1,q2,q3,q4,q5,q6", "--reverse", "q4", "--group", "team"),
               items = paste0("q", 1:6), reverse = "q4", group = "team")

# 2. tiny: two groups of 2 and 3 on a 7-point scale, missing answers, ','.
set.seed(7)
m <- likert(5, c(0.8, 0.8, 0.6), min = 1, max = 7)
m[2, 3] <- NA
m[5, 1] <- NA
d <- data.frame(naam = c("Jan", "Piet", "Kees", "Anna", "Els"), a = m[, 1], b = m[, 2], c = m[, 3],
                afdeling = c("B", "A", "B", "A", "B"))
reference_case(dir, "tiny", d, c("--items", "a,b,c", "--scale-min", "1", "--scale-max", "7", "--group", "afdeling"),
               sep = ",", items = c("a", "b", "c"), min = 1, max = 7, group = "afdeling")

# 3. anova: three groups of 8, 12 and 15 that differ, 4 items, missing.
set.seed(314)
g <- rep(c("Noord", "Zuid", "West"), c(8, 12, 15))
shift <- c(Noord = -0.6, Zuid = 0, West = 0.5)[g]
m <- likert(35, c(0.8, 0.7, 0.7, 0.6), missing = 0.1)
m[] <- pmin(5L, pmax(1L, m + as.integer(round(shift + rnorm(35, 0, 0.3)))))
d <- data.frame(i1 = m[, 1], i2 = m[, 2], i3 = m[, 3], i4 = m[, 4], regio = sample(g))
reference_case(dir, "anova", d, c("--items", "i1,i2,i3,i4", "--group", "regio"),
               items = c("i1", "i2", "i3", "i4"), group = "regio")

# 4. welch: two groups of 20 and 9 with unequal spread, 5 items of which
#    one reversed, and the two waves of a paired comparison in the same file.
set.seed(99)
m <- likert(29, c(0.9, 0.8, -0.7, 0.8, 0.5), missing = 0.05)
grp <- c(rep("controle", 20), rep("interventie", 9))
m[grp == "interventie", ] <- pmin(5L, m[grp == "interventie", ] + 1L)
voor <- round(runif(29, 2, 4.5), 1)
na <- round(pmin(5, voor + rnorm(29, 0.3, 0.5)), 2)
voor[c(4, 11)] <- NA
na[c(11, 20, 27)] <- NA
d <- data.frame(w1 = m[, 1], w2 = m[, 2], w3 = m[, 3], w4 = m[, 4], w5 = m[, 5], groep = grp, voor = voor, na = na)
d <- d[sample(29), ]
reference_case(dir, "welch", d, c("--items", "w1,w2,w3,w4,w5", "--reverse", "w3", "--group", "groep",
                                  "--paired", "voor,na"),
               items = paste0("w", 1:5), reverse = "w3", group = "groep", paired = c("voor", "na"))

# 5. paired: only the two waves, decimal commas, missing in either wave.
set.seed(5)
pre <- round(rnorm(25, 3.2, 0.6), 2)
post <- round(pre + rnorm(25, 0.25, 0.4), 2)
pre[c(2, 9)] <- NA
post[c(9, 15, 22)] <- NA
d <- data.frame(persoon = 1:25, meting1 = pre, meting2 = post)
reference_case(dir, "paired", d, c("--paired", "meting1,meting2"), paired = c("meting1", "meting2"))

# 6. edge: an item nobody answered, an item answered once, a constant item,
#    two items with variance (alpha if dropped is undefined), one group only
#    (t-tests and ANOVA undefined), a paired wave with every difference equal.
d <- data.frame(e1 = rep(NA, 6), e2 = c(NA, 3, NA, NA, NA, NA), e3 = c(2, 2, NA, 2, 2, 2),
                e4 = c(1, 2, 4, 5, 3, NA), e5 = c(2, 2, 5, 4, NA, 1), eenheid = "Enig",
                t1 = c(3, 2.5, 4, NA, 3, 1), t2 = c(3.5, 3, 4.5, 2, 3.5, 1.5))
reference_case(dir, "edge", d, c("--items", "e1,e2,e3,e4,e5", "--group", "eenheid", "--paired", "t1,t2"),
               items = paste0("e", 1:5), group = "eenheid", paired = c("t1", "t2"))

# 7. singletons: three groups of one respondent (no residual df), and a
#    constant pair of waves (every difference 0).
d <- data.frame(x1 = c(1, 3, 5), x2 = c(2, 3, 4), x3 = c(1, 4, 5), team = c("a", "b", "c"),
                p1 = c(2, 3, 4), p2 = c(2, 3, 4))
reference_case(dir, "singletons", d, c("--items", "x1,x2,x3", "--group", "team", "--paired", "p1,p2"),
               items = c("x1", "x2", "x3"), group = "team", paired = c("p1", "p2"))

# 8. flat: scores constant within each group, different between groups:
#    the t-tests, d and F are undefined, eta squared is 1.
d <- data.frame(f1 = c(2, 2, 2, 4, 4, 4, 4), f2 = c(2, 2, 2, 4, 4, 4, 4), f3 = c(3, 1, 2, 5, 3, 4, 4),
                f4 = c(1, 3, 2, 3, 5, 4, 4), ploeg = c("x", "x", "x", "y", "y", "y", "y"))
d$f3 <- c(2, 2, 2, 4, 4, 4, 4); d$f4 <- d$f3
d$f1[1] <- 1; d$f2[1] <- 3   # the score of respondent 1 stays 2, but the items vary
reference_case(dir, "flat", d, c("--items", "f1,f2,f3,f4", "--group", "ploeg"),
               items = c("f1", "f2", "f3", "f4"), group = "ploeg")

# 9. single: groups of 1 and 4: Welch is undefined, Student's t and d are
#    defined (R pools the variance of the larger group alone).
set.seed(11)
m <- likert(5, c(0.8, 0.7, 0.9))
d <- data.frame(s1 = m[, 1], s2 = m[, 2], s3 = m[, 3], rol = c("deelnemer", "mentor", "mentor", "mentor", "mentor"))
d$s1[3] <- ifelse(d$s1[3] == 5, 4L, d$s1[3] + 1L)  # make sure the mentors' scores vary
reference_case(dir, "single", d, c("--items", "s1,s2,s3", "--group", "rol"),
               items = c("s1", "s2", "s3"), group = "rol")

# 10. three60: the long format of 360° feedback. S1 has a manager, 4 staff
#     and 2 peers (the peers merge into "others" and, being 2, hide the
#     overall mean); S2 has 3 staff and 3 peers (everything shown); S3 has
#     2 staff (suppressed); S4 has no self rating; a rater with two rows
#     on one dimension; unanswered dimensions; scores with decimal commas.
set.seed(360)
rows <- list()
add <- function(subject, role, id, dims = c("Visie", "Samenwerking", "Resultaat")) {
  for (dm in dims) rows[[length(rows) + 1]] <<- data.frame(subject = subject, rater_role = role, rater_id = id,
    dimension = dm, score = sample(c(1:5, 2.5, 3.5), 1))
}
s1 <- "Anaïs Ærø 李"; s2 <- "O'Brien & \"Zonen\""
add(s1, "self", ""); add(s1, "manager", "m1")
for (i in 1:4) add(s1, "staff", paste0("a", i))
for (i in 1:2) add(s1, "peer", paste0("b", i))
add(s2, "self", "s2"); add(s2, "Manager", "m2")
for (i in 1:3) add(s2, "staff", paste0("c", i))
for (i in 1:3) add(s2, "peer", paste0("d", i))
add("Jan", "self", ""); for (i in 1:2) add("Jan", "staff", paste0("e", i))
add("Els", "manager", "m3"); for (i in 1:3) add("Els", "staff", paste0("f", i))
for (i in 1:3) add("Els", "peer", paste0("g", i), "Visie")
add(s1, "staff", "a2", "Visie")            # a second row of one rater
d <- do.call(rbind, rows)
d$score[c(5, 30)] <- NA                    # not answered
d <- d[c(seq(1, nrow(d), 2), seq(2, nrow(d), 2)), ]  # rows interleaved
reference_case(dir, "three60", d, c("360"))

cat("wrote", length(list.files(dir)), "files to", dir, "\n")
