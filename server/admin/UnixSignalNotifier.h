#pragma once

/// Turns SIGTERM/SIGINT and SIGHUP into Qt signals on the thread that created it (the main
/// thread), through a self-pipe: the handler only writes one byte.

#include <QtCore/QObject>

class QSocketNotifier;

namespace Parley {

class UnixSignalNotifier : public QObject
{
    Q_OBJECT
public:
    /// Only one may exist.
    explicit UnixSignalNotifier(QObject *parent = nullptr);
    ~UnixSignalNotifier() override;

Q_SIGNALS:
    void terminateRequested();
    void reloadRequested();

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Parley
