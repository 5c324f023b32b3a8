#ifndef BYLINE_CLINUXNET_H
#define BYLINE_CLINUXNET_H
// Linux socket facilities Swift's Glibc module does not export:
// <sys/epoll.h>, <sys/eventfd.h> and the GNU extension accept4.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

/// accept4(2) with SOCK_NONBLOCK | SOCK_CLOEXEC: one syscall instead of accept + two fcntl.
int byline_accept4_nonblocking(int fd, struct sockaddr *addr, socklen_t *len);

/// Bytes queued on a TCP socket that the kernel has not sent yet (SIOCOUTQNSD): what a
/// reader advertising a tiny window leaves behind after our own buffer emptied. -1 on error.
int byline_unsent_bytes(int fd);

/// Close with SO_LINGER {1, 0}: a reset that drops whatever the kernel still holds for a
/// peer we are cutting, instead of leaving an orphan socket trickling it out.
int byline_abortive_close(int fd);

/// The number of open file descriptors of this process (counts /proc/self/fd); -1 on error.
int byline_open_fd_count(void);

#endif
