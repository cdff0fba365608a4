-- 0013_invitation_mail: questionnaire invitations sent by e-mail (SMTP).
--
-- mailed_at is when the mail server accepted the invitation's message, or
-- NULL while it has not been sent by e-mail (the coordinator may hand the
-- link out through links.csv instead). Sending claims the row first (sets
-- it) and clears it again when the server refuses, so that two people
-- pressing "send" at once do not mail anyone twice, and a failed one is
-- tried again next time. Reminders are counted in invitation.reminders as
-- before. The token is not stored: it is recomputed for the message body.

ALTER TABLE invitation ADD COLUMN mailed_at INTEGER;
