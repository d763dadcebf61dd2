#pragma once

/// Pre-key bundles: each device uploads its public keys; others fetch one bundle per device of
/// a user, each one-time pre-key handed out once, at the rates KeyFetchThrottle allows. Router
/// thread only.

#include "KeyFetchThrottle.h"
#include "RouteContext.h"
#include "admin/ServerConfig.h"

namespace Parley {

class KeyDirectory
{
public:
    explicit KeyDirectory(RouteContext &context)
        : m_ctx(context),
          m_throttle(context.config.keyFetchesPerMinute, context.config.preKeyHandoutsPerMinute)
    {
    }

    void upload(const Request &r, const UploadKeysFrame &f);
    void fetch(const Request &r, const FetchKeysFrame &f);

private:
    void warnIfLow(qint64 deviceId, int remaining);

    RouteContext &m_ctx;
    KeyFetchThrottle m_throttle;
};

} // namespace Parley
