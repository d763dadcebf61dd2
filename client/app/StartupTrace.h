#pragma once

/// For bench/client: with PARLEY_STARTUP_TRACE set, prints on stderr the wall-clock time (ns
/// since the epoch, as `date +%s%N`) of the window's first frame and of the first frame after
/// the conversation list has rows, so the bench, which noted the time of exec, can tell what a
/// user waits for.

class QObject;

namespace Parley {

class Client;

//! \brief Watches the engine's first window, when PARLEY_STARTUP_TRACE is set; else nothing.
void traceStartup(QObject *rootObject, Client *client);

} // namespace Parley
