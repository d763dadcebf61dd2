#pragma once

/// Pre-key bundles: each device uploads its public keys; others fetch one bundle per device of
/// a user, each one-time pre-key handed out once. Router thread only.

#include "RouteContext.h"

namespace Parley {

class KeyDirectory
{
public:
    explicit KeyDirectory(RouteContext &context) : m_ctx(context) { }

    void upload(const Request &r, const UploadKeysFrame &f);
    void fetch(const Request &r, const FetchKeysFrame &f);

private:
    void warnIfLow(qint64 deviceId, int remaining);

    RouteContext &m_ctx;
};

} // namespace Parley
