#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
// pkg-config libpq adds -I/usr/include/postgresql on Debian.
#include <libpq-fe.h>

// Character-literal macros such as `#define PG_DIAG_SQLSTATE 'C'` are not imported into Swift;
// re-export the diagnostic field codes we read as inline functions.
static inline int clibpq_diag_sqlstate(void) { return PG_DIAG_SQLSTATE; }
static inline int clibpq_diag_message_primary(void) { return PG_DIAG_MESSAGE_PRIMARY; }
static inline int clibpq_diag_message_detail(void) { return PG_DIAG_MESSAGE_DETAIL; }
static inline int clibpq_diag_constraint_name(void) { return PG_DIAG_CONSTRAINT_NAME; }
static inline int clibpq_diag_table_name(void) { return PG_DIAG_TABLE_NAME; }
static inline int clibpq_diag_column_name(void) { return PG_DIAG_COLUMN_NAME; }
#endif
