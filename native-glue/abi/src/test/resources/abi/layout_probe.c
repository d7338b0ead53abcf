/* Prints "name value" for every size, offset and ioctl number in fwsh_uapi.h. */
#include <stdio.h>
#include <stddef.h>
#include "fwsh_uapi.h"

#define SIZE(s) printf("sizeof.%s %zu\n", #s, sizeof(struct fwsh_##s))
#define OFF(s, f) printf("offsetof.%s.%s %zu\n", #s, #f, offsetof(struct fwsh_##s, f))
#define NUM(n) printf("const.%s %llu\n", #n, (unsigned long long)(FWSH_##n))

int main(void)
{
    SIZE(fwctl_info);
    OFF(fwctl_info, size); OFF(fwctl_info, flags); OFF(fwctl_info, out_device_type);
    OFF(fwctl_info, device_data_len); OFF(fwctl_info, out_device_data);

    SIZE(fwctl_rpc);
    OFF(fwctl_rpc, size); OFF(fwctl_rpc, scope); OFF(fwctl_rpc, in_len); OFF(fwctl_rpc, out_len);
    OFF(fwctl_rpc, in); OFF(fwctl_rpc, out);

    SIZE(fwctl_info_mlx5);
    OFF(fwctl_info_mlx5, uid); OFF(fwctl_info_mlx5, uctx_caps);

    SIZE(fwctl_rsc_umem_reg);
    OFF(fwctl_rsc_umem_reg, size); OFF(fwctl_rsc_umem_reg, flags); OFF(fwctl_rsc_umem_reg, addr);
    OFF(fwctl_rsc_umem_reg, len); OFF(fwctl_rsc_umem_reg, umem_id); OFF(fwctl_rsc_umem_reg, mkey_id);
    OFF(fwctl_rsc_umem_reg, rsc_id);

    SIZE(fwctl_rsc_destroy);
    OFF(fwctl_rsc_destroy, size); OFF(fwctl_rsc_destroy, flags); OFF(fwctl_rsc_destroy, type);
    OFF(fwctl_rsc_destroy, rsc_id);

    SIZE(mlx5ctl_info);
    OFF(mlx5ctl_info, uctx_uid); OFF(mlx5ctl_info, reserved1); OFF(mlx5ctl_info, uctx_cap);
    OFF(mlx5ctl_info, dev_uctx_cap); OFF(mlx5ctl_info, ucap);

    SIZE(mlx5ctl_cmdrpc);
    OFF(mlx5ctl_cmdrpc, in); OFF(mlx5ctl_cmdrpc, out); OFF(mlx5ctl_cmdrpc, inlen); OFF(mlx5ctl_cmdrpc, outlen);

    SIZE(mlx5ctl_umem_reg);
    OFF(mlx5ctl_umem_reg, addr); OFF(mlx5ctl_umem_reg, len); OFF(mlx5ctl_umem_reg, umem_id);
    OFF(mlx5ctl_umem_reg, reserved);

    SIZE(mlx5ctl_umem_unreg);
    OFF(mlx5ctl_umem_unreg, umem_id); OFF(mlx5ctl_umem_unreg, reserved);

    NUM(FWCTL_INFO); NUM(FWCTL_RPC); NUM(FWCTL_RSC_DESTROY); NUM(FWCTL_RSC_UMEM_REG);
    NUM(MLX5CTL_IOCTL_INFO); NUM(MLX5CTL_IOCTL_CMDRPC); NUM(MLX5CTL_IOCTL_UMEM_REG); NUM(MLX5CTL_IOCTL_UMEM_UNREG);
    NUM(MLX5CTL_MAX_RPC_SIZE);
    NUM(FWCTL_DEVICE_TYPE_ERROR); NUM(FWCTL_DEVICE_TYPE_MLX5); NUM(FWCTL_DEVICE_TYPE_CXL);
    NUM(FWCTL_DEVICE_TYPE_BNXT); NUM(FWCTL_DEVICE_TYPE_PDS);
    return 0;
}
