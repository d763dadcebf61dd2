#pragma once

/// Abuse reports from users (docs/protocol.md, `report`): checks on the router thread what the
/// directory knows (not yourself, a member of the named conversation), then has the store check
/// the rest (the reporter's hourly budget, the reported user, each disclosed seq and sender)
/// and keep the report for the admins (`parleyd report …`). Router thread only.

#include "RouteContext.h"

namespace Parley {

class AbuseReports
{
public:
    explicit AbuseReports(RouteContext &context) : m_ctx(context) { }

    void report(const Request &r, const ReportFrame &f);

private:
    RouteContext &m_ctx;
};

} // namespace Parley
