"""The PostgreSQL backend (psycopg 3, ``newskb[postgres]``): ``PostgresStore``."""

from newskb.store.postgres.store import PostgresStore

__all__ = ["PostgresStore"]
