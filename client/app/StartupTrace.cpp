#include "StartupTrace.h"

#include "Client.h"

#include <QQuickWindow>

#include <atomic>
#include <cstdio>
#include <ctime>

namespace Parley {

namespace {

long long wallClockNs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

} // namespace

void traceStartup(QObject *rootObject, Client *client)
{
    auto *window = qobject_cast<QQuickWindow *>(rootObject);
    if (!window || !qEnvironmentVariableIsSet("PARLEY_STARTUP_TRACE"))
        return;
    // frameSwapped comes from the render thread: the flags are shared with it.
    struct State
    {
        std::atomic_bool windowShown{false};
        std::atomic_bool listHasRows{false};
        std::atomic_bool listShown{false};
    };
    auto *state = new State;
    QObject::connect(window, &QObject::destroyed, [state] { delete state; });
    QAbstractItemModel *list = client->conversations();
    auto noteRows = [state, list] {
        if (list->rowCount() > 0)
            state->listHasRows = true;
    };
    QObject::connect(list, &QAbstractItemModel::rowsInserted, window, noteRows);
    QObject::connect(list, &QAbstractItemModel::modelReset, window, noteRows);
    QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [state] {
                if (!state->windowShown.exchange(true))
                    std::fprintf(stderr, "parley-startup: window %lld\n", wallClockNs());
                if (state->listHasRows && !state->listShown.exchange(true))
                    std::fprintf(stderr, "parley-startup: list %lld\n", wallClockNs());
            },
            Qt::DirectConnection);
}

} // namespace Parley
