-- The people-and-groups picker (issue 16) searches by name, pinyin initials, full pinyin and account as one types.
-- The pinyin is computed in Java (pinyin4j) and kept beside the name, so that every search is an indexed prefix
-- query on 15,000+ people, never a scan: name_initials 'jxzz241b' and name_pinyin 'jixiezhizao241ban' for
-- 机械制造241班. pinyin_of is the name they were computed from: a row whose name changed (or a new row, NULL) is
-- refilled by identity.infrastructure.SqlDirectorySearch after every import and at start-up (existing rows).
ALTER TABLE person
  ADD COLUMN name_initials VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN name_pinyin   VARCHAR(255) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN pinyin_of     VARCHAR(64)  NULL,
  ADD KEY ix_person_name (name),
  ADD KEY ix_person_initials (name_initials),
  ADD KEY ix_person_pinyin (name_pinyin);

ALTER TABLE school_class
  ADD COLUMN name_initials VARCHAR(100) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN name_pinyin   VARCHAR(400) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN pinyin_of     VARCHAR(100) NULL,
  ADD KEY ix_class_initials (name_initials),
  ADD KEY ix_class_pinyin (name_pinyin);

ALTER TABLE department
  ADD COLUMN name_initials VARCHAR(100) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN name_pinyin   VARCHAR(400) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
  ADD COLUMN pinyin_of     VARCHAR(100) NULL,
  ADD KEY ix_department_initials (name_initials),
  ADD KEY ix_department_pinyin (name_pinyin);
