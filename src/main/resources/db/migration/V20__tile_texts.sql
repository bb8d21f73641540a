-- Issue 16: a tile's English name and description (the English home page), and a description for students when
-- theirs differs (学生请假 is "请假、销假" to a student, "审批、销假确认" to staff). NULL: fall back to name / description.
ALTER TABLE workbench_tile
  ADD COLUMN name_en                 VARCHAR(40) NULL,
  ADD COLUMN description_en          VARCHAR(80) NULL,
  ADD COLUMN description_students    VARCHAR(80) NULL,
  ADD COLUMN description_students_en VARCHAR(80) NULL;
