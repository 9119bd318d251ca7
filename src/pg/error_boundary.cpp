#include "pg/error_boundary.hpp"

namespace tde::pg {

void raise_pending_error(const char *function_name, const PendingError &pending) {
    if (pending.pg_error != nullptr) ReThrowError(pending.pg_error);
    ereport(ERROR, (errcode(pending.sqlerrcode), errmsg("%s", pending.message),
                    pending.sqlerrcode == ERRCODE_INTERNAL_ERROR
                        ? errcontext("training_data_export function %s", function_name)
                        : 0));
    pg_unreachable();
}

}  // namespace tde::pg
