/**
 * Forward migrations, bundled as code (nothing is read from disk inside the asar).
 * Migration N takes a file from user_version N-1 to N in one transaction. Never edit a
 * released migration: add a new one, and the schema snapshot test shows the change.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the whole product's schema */ `
CREATE TABLE course (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  code TEXT,
  term TEXT,
  policy_json TEXT NOT NULL,            -- shared/model/policy.ts Policy, validated on read
  created_at TEXT NOT NULL
);

CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  weight REAL NOT NULL,
  drop_lowest INTEGER NOT NULL DEFAULT 0,
  drop_highest INTEGER NOT NULL DEFAULT 0,
  equal_weight_items INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT 'items' CHECK (kind IN ('items', 'attendance')),
  position INTEGER NOT NULL
);

CREATE TABLE student (
  id INTEGER PRIMARY KEY,
  registrar_id TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  preferred_name TEXT,
  email TEXT,
  section TEXT,
  status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'withdrawn')),
  extension_days REAL NOT NULL DEFAULT 0,
  accommodation_note TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE team (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- Dated membership: a team item counts for whoever was on the team at its due date.
CREATE TABLE team_member (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,
  from_at TEXT NOT NULL,
  to_at TEXT
);
CREATE INDEX team_member_student ON team_member(student_id);

CREATE TABLE item (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES category(id),
  name TEXT NOT NULL,
  points_possible REAL NOT NULL CHECK (points_possible >= 0),
  due_date TEXT,                        -- YYYY-MM-DD in the course's time zone
  due_time TEXT,                        -- HH:MM, null: the course's default
  team_graded INTEGER NOT NULL DEFAULT 0,
  never_drop INTEGER NOT NULL DEFAULT 0,
  muted INTEGER NOT NULL DEFAULT 0,
  milestone INTEGER,                    -- project chapter this item delivers, if any
  external_id TEXT,                     -- e.g. the Canvas assignment id, for re-imports
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX item_category ON item(category_id);

CREATE TABLE score (
  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
  value REAL,
  status TEXT CHECK (status IN ('excused', 'missing', 'exempt')),
  submitted_at TEXT,
  days_late REAL,
  extension_days REAL,
  waiver_reason TEXT,
  integrity_date TEXT,
  integrity_note TEXT,
  adjust_mode TEXT CHECK (adjust_mode IN ('replace', 'delta')),
  adjust_value REAL,
  comment TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (student_id, item_id)
) WITHOUT ROWID;
CREATE INDEX score_item ON score(item_id);

CREATE TABLE team_score (
  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
  value REAL,
  status TEXT CHECK (status IN ('excused', 'missing', 'exempt')),
  submitted_at TEXT,
  days_late REAL,
  extension_days REAL,
  waiver_reason TEXT,
  comment TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (team_id, item_id)
) WITHOUT ROWID;

CREATE TABLE grade_override (
  student_id INTEGER PRIMARY KEY REFERENCES student(id) ON DELETE CASCADE,
  letter TEXT,
  percent REAL,
  reason TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE attendance_session (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  title TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE attendance_mark (
  session_id INTEGER NOT NULL REFERENCES attendance_session(id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,
  mark TEXT NOT NULL CHECK (mark IN ('present', 'late', 'absent', 'excused')),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (session_id, student_id)
) WITHOUT ROWID;

-- A weekly random draw; seed and candidates are stored so the draw can be reproduced.
CREATE TABLE presentation_draw (
  id INTEGER PRIMARY KEY,
  week INTEGER NOT NULL,
  drawn_at TEXT NOT NULL,
  seed TEXT NOT NULL,
  candidates_json TEXT NOT NULL,
  allow_repeat INTEGER NOT NULL DEFAULT 0,
  team_id INTEGER REFERENCES team(id)
);

CREATE TABLE presentation (
  id INTEGER PRIMARY KEY,
  draw_id INTEGER REFERENCES presentation_draw(id) ON DELETE SET NULL,
  team_id INTEGER NOT NULL REFERENCES team(id),
  week INTEGER,
  date TEXT,
  topic TEXT,                           -- the paper or article summarized
  presenters_json TEXT NOT NULL DEFAULT '[]',
  item_id INTEGER REFERENCES item(id) ON DELETE SET NULL,
  score REAL,
  notes TEXT
);

CREATE TABLE export_profile (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  config_json TEXT NOT NULL
);

-- What was sent to the registrar, so "what did we submit?" has an answer.
CREATE TABLE registrar_export (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  letters_json TEXT NOT NULL
);

-- Undo steps: one per user action (an edit, a paste, an import).
CREATE TABLE change_batch (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  label TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);

-- Append-only audit history: every row written by any change, before and after.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES change_batch(id),
  at TEXT NOT NULL,
  entity TEXT NOT NULL,                 -- table name
  entity_key TEXT NOT NULL,             -- JSON of the primary key
  before_json TEXT,                     -- null: the row did not exist
  after_json TEXT,                      -- null: the row was deleted
  reason TEXT,
  kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo'))
);
CREATE INDEX audit_entity ON audit(entity, entity_key);
CREATE INDEX audit_batch ON audit(batch_id);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit history is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit history is append-only'); END;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);
`,
  /* 2: attendance register: session times (local, in the course's time zone), topic, note, cancelled */ `
ALTER TABLE attendance_session ADD COLUMN start_time TEXT;  -- HH:MM local; null: no time set
ALTER TABLE attendance_session ADD COLUMN end_time TEXT;
ALTER TABLE attendance_session ADD COLUMN topic TEXT;
ALTER TABLE attendance_session ADD COLUMN note TEXT;
ALTER TABLE attendance_session ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX attendance_session_date ON attendance_session(date);
CREATE INDEX attendance_mark_student ON attendance_mark(student_id);
`,
  /* 3: reading presentations (the reading list, seeded draws per class session, graded records) */ `
CREATE TABLE reading (
  id INTEGER PRIMARY KEY,
  week INTEGER,                         -- null: not scheduled yet
  session_id INTEGER REFERENCES attendance_session(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  authors TEXT,
  link TEXT,                            -- a URL or a DOI
  chapter INTEGER CHECK (chapter BETWEEN 1 AND 5),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reading_week ON reading(week, position);

-- A draw is never deleted (undo withdraws it) and holds all it needs to be listed and verified,
-- so it stays even if its session goes: session_id is not a foreign key.
ALTER TABLE presentation_draw ADD COLUMN session_id INTEGER;
ALTER TABLE presentation_draw ADD COLUMN session_date TEXT;
ALTER TABLE presentation_draw ADD COLUMN teams_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE presentation_draw ADD COLUMN result_json TEXT NOT NULL DEFAULT '[]';    -- drawn team ids, in order
ALTER TABLE presentation_draw ADD COLUMN rule TEXT NOT NULL DEFAULT 'fewest-turns' CHECK (rule IN ('fewest-turns', 'lifted'));
ALTER TABLE presentation_draw ADD COLUMN exclusions_json TEXT NOT NULL DEFAULT '[]'; -- teams left out, with why
ALTER TABLE presentation_draw ADD COLUMN algorithm TEXT NOT NULL DEFAULT '';
ALTER TABLE presentation_draw ADD COLUMN lift_reason TEXT;
ALTER TABLE presentation_draw ADD COLUMN redraw_reason TEXT;
ALTER TABLE presentation_draw ADD COLUMN withdrawn_at TEXT;
ALTER TABLE presentation_draw ADD COLUMN withdraw_reason TEXT;
CREATE INDEX presentation_draw_session ON presentation_draw(session_id);

-- Checked at commit, so a workbook import can replace a session and put it back with its id.
ALTER TABLE presentation ADD COLUMN session_id INTEGER REFERENCES attendance_session(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE presentation ADD COLUMN readings_json TEXT NOT NULL DEFAULT '[]';       -- reading ids
ALTER TABLE presentation ADD COLUMN duration_minutes REAL;
ALTER TABLE presentation ADD COLUMN rubric_json TEXT NOT NULL DEFAULT '[]';         -- [{criterion, points}]
ALTER TABLE presentation ADD COLUMN feedback TEXT;
CREATE UNIQUE INDEX presentation_session_team ON presentation(session_id, team_id);
`,
  /* 4: item deadlines to the second; items that do not count toward the final grade */ `
ALTER TABLE item ADD COLUMN due_at TEXT;
ALTER TABLE item ADD COLUMN omit_from_final INTEGER NOT NULL DEFAULT 0;
`,
];

/** "GRBK" — marks a SQLite file as a gradebook course. */
export const APPLICATION_ID = 0x4752424b;
export const SCHEMA_VERSION = MIGRATIONS.length;
