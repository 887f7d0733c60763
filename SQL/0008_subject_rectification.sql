-- Subjects are corrected against the version their reader saw (Dir 2016/680 Art 16:
-- rectification), as cases and assets are.
ALTER TABLE subject ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
