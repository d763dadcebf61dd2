#include "UnixSignalNotifier.h"

#include <QtCore/QSocketNotifier>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace Parley {

namespace {

int s_pipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = signal == SIGHUP ? 'h' : 't';
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
}

} // namespace

UnixSignalNotifier::UnixSignalNotifier(QObject *parent) : QObject(parent)
{
    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalNotifier::readPipe);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

UnixSignalNotifier::~UnixSignalNotifier()
{
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        ::signal(signal, SIG_DFL);
    delete m_notifier;
    for (int &fd : s_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void UnixSignalNotifier::readPipe()
{
    char bytes[16];
    ssize_t n;
    while ((n = ::read(s_pipe[0], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (bytes[i] == 'h')
                Q_EMIT reloadRequested();
            else
                Q_EMIT terminateRequested();
        }
    }
}

} // namespace Parley
