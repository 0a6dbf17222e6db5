"""Discovery: where is personal data, in any table, column, JSON field or free text."""
