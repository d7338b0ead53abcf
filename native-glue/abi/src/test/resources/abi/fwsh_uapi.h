/*
 * The fwctl and mlx5ctl UAPI as fwsh understands it, written from the field tables in the project's
 * reference notes (kernel-interfaces.md sections 1.3, 2.3, 2.4, 2.9). Used only by the layout probe test:
 * the C compiler lays these out and the Java constants must agree.
 * The ioctl numbers use the C library's own _IO/_IOR/_IOWR macros, an independent check of fwsh.abi.Ioc.
 */
#ifndef FWSH_UAPI_H
#define FWSH_UAPI_H

#include <stdint.h>
#include <sys/ioctl.h>

typedef uint16_t fwsh_u16;
typedef uint32_t fwsh_u32;
typedef uint64_t fwsh_aligned_u64 __attribute__((aligned(8)));

/* ---- fwctl (mainline) ---- */
#define FWSH_FWCTL_TYPE 0x9A

enum { FWSH_FWCTL_CMD_INFO = 0, FWSH_FWCTL_CMD_RPC = 1, FWSH_FWCTL_CMD_RSC_DESTROY = 2, FWSH_FWCTL_CMD_RSC_UMEM_REG = 3 };

enum fwsh_fwctl_device_type {
    FWSH_FWCTL_DEVICE_TYPE_ERROR = 0,
    FWSH_FWCTL_DEVICE_TYPE_MLX5 = 1,
    FWSH_FWCTL_DEVICE_TYPE_CXL = 2,
    FWSH_FWCTL_DEVICE_TYPE_BNXT = 3,
    FWSH_FWCTL_DEVICE_TYPE_PDS = 4,
};

struct fwsh_fwctl_info {
    fwsh_u32 size;
    fwsh_u32 flags;
    fwsh_u32 out_device_type;
    fwsh_u32 device_data_len;
    fwsh_aligned_u64 out_device_data;
};

struct fwsh_fwctl_rpc {
    fwsh_u32 size;
    fwsh_u32 scope;
    fwsh_u32 in_len;
    fwsh_u32 out_len;
    fwsh_aligned_u64 in;
    fwsh_aligned_u64 out;
};

struct fwsh_fwctl_info_mlx5 {
    fwsh_u32 uid;
    fwsh_u32 uctx_caps;
};

/* mstflint's out-of-tree extension */
struct fwsh_fwctl_rsc_umem_reg {
    fwsh_u32 size;
    fwsh_aligned_u64 flags;
    fwsh_aligned_u64 addr;
    fwsh_aligned_u64 len;
    fwsh_u32 umem_id;
    fwsh_u32 mkey_id;
    fwsh_u32 rsc_id;
};

struct fwsh_fwctl_rsc_destroy {
    fwsh_u32 size;
    fwsh_aligned_u64 flags;
    fwsh_u32 type;
    fwsh_u32 rsc_id;
};

#define FWSH_FWCTL_INFO _IO(FWSH_FWCTL_TYPE, FWSH_FWCTL_CMD_INFO)
#define FWSH_FWCTL_RPC _IO(FWSH_FWCTL_TYPE, FWSH_FWCTL_CMD_RPC)
#define FWSH_FWCTL_RSC_DESTROY _IO(FWSH_FWCTL_TYPE, FWSH_FWCTL_CMD_RSC_DESTROY)
#define FWSH_FWCTL_RSC_UMEM_REG _IO(FWSH_FWCTL_TYPE, FWSH_FWCTL_CMD_RSC_UMEM_REG)

/* ---- mlx5ctl V4 (proposed, not merged) ---- */
#define FWSH_MLX5CTL_IOCTL_MAGIC 0x5c

struct fwsh_mlx5ctl_info {
    fwsh_u16 uctx_uid;
    fwsh_u16 reserved1;
    fwsh_u32 uctx_cap;
    fwsh_u32 dev_uctx_cap;
    fwsh_u32 ucap;
};

struct fwsh_mlx5ctl_cmdrpc {
    fwsh_aligned_u64 in;
    fwsh_aligned_u64 out;
    fwsh_u32 inlen;
    fwsh_u32 outlen;
};

struct fwsh_mlx5ctl_umem_reg {
    fwsh_aligned_u64 addr;
    fwsh_aligned_u64 len;
    fwsh_u32 umem_id;
    fwsh_u32 reserved;
};

struct fwsh_mlx5ctl_umem_unreg {
    fwsh_u32 umem_id;
    fwsh_u32 reserved;
};

#define FWSH_MLX5CTL_MAX_RPC_SIZE (512 * 512)

#define FWSH_MLX5CTL_IOCTL_INFO _IOR(FWSH_MLX5CTL_IOCTL_MAGIC, 0x0, struct fwsh_mlx5ctl_info)
#define FWSH_MLX5CTL_IOCTL_CMDRPC _IOWR(FWSH_MLX5CTL_IOCTL_MAGIC, 0x1, struct fwsh_mlx5ctl_cmdrpc)
#define FWSH_MLX5CTL_IOCTL_UMEM_REG _IOWR(FWSH_MLX5CTL_IOCTL_MAGIC, 0x2, struct fwsh_mlx5ctl_umem_reg)
#define FWSH_MLX5CTL_IOCTL_UMEM_UNREG _IOWR(FWSH_MLX5CTL_IOCTL_MAGIC, 0x3, struct fwsh_mlx5ctl_umem_unreg)

#endif
