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

/// The number of open file descriptors of this process (counts /proc/self/fd); -1 on error.
int byline_open_fd_count(void);

#endif
