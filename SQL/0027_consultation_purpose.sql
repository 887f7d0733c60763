-- An office may ask the purpose of every consultation of its records (issue 11; Dir 2016/680
-- Art 25): a read by one of its users that names none is refused. Off until an administrator
-- turns it on (`arca office require-purpose`), so existing offices work as before.
ALTER TABLE office ADD COLUMN purpose_required boolean NOT NULL DEFAULT false;
