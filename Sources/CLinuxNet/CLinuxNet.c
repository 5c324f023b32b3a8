#define _GNU_SOURCE
#include "CLinuxNet.h"
#include <dirent.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <unistd.h>

int byline_accept4_nonblocking(int fd, struct sockaddr *addr, socklen_t *len) {
    return accept4(fd, addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int byline_open_fd_count(void) {
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) return -1;
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] != '.') count++;
    }
    closedir(dir);
    return count - 1; /* the descriptor opendir itself holds */
}

int byline_unsent_bytes(int fd) {
    int unsent = 0;
    if (ioctl(fd, SIOCOUTQNSD, &unsent) != 0) return -1;
    return unsent;
}

int byline_abortive_close(int fd) {
    struct linger reset = { .l_onoff = 1, .l_linger = 0 };
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    return close(fd);
}
