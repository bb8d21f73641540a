-- Issue 21: words an admin adds to a tile so that search finds it by them (e.g. 学生请假: "病假 事假 销假").
-- Separated by spaces or commas; NULL: none.
ALTER TABLE workbench_tile
  ADD COLUMN keywords VARCHAR(200) NULL;
