// Settings (GUCs) of the extension and the per-backend caches they govern.
#pragma once

namespace tde::pg {

// tde.anonymize: superuser-only switch of the anonymizing trigger.
extern bool anonymize_enabled;

}  // namespace tde::pg
