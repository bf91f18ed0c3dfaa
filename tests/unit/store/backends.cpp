// Every BackendTest case, in any file of this suite, runs once per back end.
#include "store_fixture.h"

namespace cc::store::testing {

INSTANTIATE_TEST_SUITE_P(Backends, BackendTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), backend_name);

}  // namespace cc::store::testing
