/* Hand-written fixture in the mlx5_ifc.h style: every construct the importer reads. */
#ifndef FIXTURE_IFC_H
#define FIXTURE_IFC_H
#define FIX_NUM_ENTRIES (2 + \
			 1)

enum {
	MLX5_CMD_OP_FIX_QUERY = 0x123,
	MLX5_CMD_OP_FIX_OTHER = 0x124,
};

struct mlx5_ifc_fix_inner_bits {
	u8         flag[0x1];
	u8         reserved_at_1[0xf];
	u8         id[0x10];
};

union mlx5_ifc_fix_choice_bits {
	struct mlx5_ifc_fix_inner_bits inner;
	u8         raw[0x40];
};

struct mlx5_ifc_fix_query_in_bits {
	u8         opcode[0x10];
	u8         uid[0x10];

	u8         reserved_at_20[0x10];
	u8         op_mod[0x10];

	u8         pkts_high[0x20];
	u8         pkts_low[0x20];

	u8         lanes[4][0x8];                 /* array of fields */
	struct mlx5_ifc_fix_inner_bits items[FIX_NUM_ENTRIES];
	union mlx5_ifc_fix_choice_bits choice;
	struct {
		u8         a[0x10];
		u8         b[0x10];
	} anon;
	u8         name[0x80];
	u8         tail[0][0x20];
};

struct mlx5_ifc_fix_query_out_bits {
	u8         status[0x8];
	u8         reserved_at_8[0x18];
	u8         syndrome[0x20];
	u8         reserved_at_40[0x40];
	struct mlx5_ifc_fix_inner_bits entries[];
};

struct mlx5_ifc_fix_broken_bits {
	u8         ok[0x20];
	int        not_an_ifc_member;
};

struct mlx5_ifc_fix_after_broken_bits {
	u8         x[0x8];
	u8         reserved_at_8[0x18];
};
#endif
