"""A PostgreSQL URL naming one schema reads only that schema, under plain names."""

from __future__ import annotations

from urllib.parse import quote

import psycopg

from sluis.sources import open_source


def test_search_path_option_reads_one_schema_plainly(pg_db: str) -> None:
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE public.person (id int PRIMARY KEY, naam text)")
        conn.execute("CREATE SCHEMA staged")
        conn.execute("CREATE TABLE staged.person (id int PRIMARY KEY, naam text)")
        conn.execute(
            "CREATE TABLE staged.note (id int PRIMARY KEY, person_id int REFERENCES staged.person)"
        )
        conn.execute("INSERT INTO staged.person VALUES (1, 'x'), (2, 'y')")
    separator = "&" if "?" in pg_db else "?"
    url = f"{pg_db}{separator}options={quote('-csearch_path=staged')}"
    with open_source(url) as source:
        schema = source.schema()
        assert [t.name for t in schema.tables] == ["note", "person"]
        assert schema.table("note").foreign_keys[0].ref_table == "person"
        assert source.row_count("person") == 2
    with open_source(pg_db) as whole:
        assert {t.name for t in whole.schema().tables} == {"person", "staged.person", "staged.note"}
