<NodesDefinition>
<info source_doc_version="fixture" />
<config big_endian_arr="1" />
<node name="fix_paos_ext" descr="" size="0x10.0" >
	<field name="oper_status" descr="Operational state" access="RO" enum="up=0x1,down=0x2" offset="0x0.0" size="0x0.4" />
	<field name="admin_status" descr="Admin state" access="RW" enum="up=0x1,down_by_configuration=0x2" offset="0x0.8" size="0x0.4" />
	<field name="local_port" descr="Local port" access="INDEX" offset="0x0.16" size="0x0.8" />
	<field name="swid" descr="Switch id" access="INDEX" offset="0x0.24" size="0x0.8" />
	<field name="e" descr="Event" access="RW" offset="0x4.0" size="0x0.2" />
	<field name="ase" descr="Admin update" access="WO" offset="0x4.31" size="0x0.1" />
	<field name="frames_high" descr="" access="RO" offset="0x8.0" size="0x4.0" />
	<field name="frames_low" descr="" access="RO" offset="0xC.0" size="0x4.0" />
</node>
<node name="fix_grp_a_ext" descr="" size="0x8.0" >
	<field name="count_a" descr="" access="RO" offset="0x0.0" size="0x8.0" />
</node>
<node name="fix_grp_b_ext" descr="" size="0x8.0" >
	<field name="count_b" descr="" access="RO" offset="0x4.0" size="0x4.0" />
</node>
<node name="fix_set_auto_ext" descr="" attr_is_union="1" size="0x8.0" >
	<field name="fix_grp_a" descr="" subnode="fix_grp_a_ext" offset="0x0.0" selected_by="GROUP_A" size="0x8.0" />
	<field name="fix_grp_b" descr="" subnode="fix_grp_b_ext" offset="0x0.0" selected_by="GROUP_B" size="0x8.0" />
</node>
<node name="fix_cnt_ext" descr="" size="0x20.0" >
	<field name="grp" descr="Group" access="INDEX" enum="GROUP_A=0x0,GROUP_B=0x10" offset="0x0.0" size="0x0.6" />
	<field name="lanes" descr="Per-lane" access="RO" high_bound="3" low_bound="0" offset="0x4.24" size="0x4.0" />
	<field name="param" descr="" subnode="fix_grp_b_ext" access="RO" high_bound="1" low_bound="0" offset="0x8.0" size="0x10.0" />
	<field name="counter_set" descr="" subnode="fix_set_auto_ext" access="RO" offset="0x18.0" size="0x8.0" union_selector="$(parent).grp" />
</node>
<node name="access_reg_summary_ctrl_ext" descr="" attr_is_union="1" size="0x4.0" >
	<field name="id" descr="" enum="FIX_PAOS=0x5006,FIX_CNT=0x5008,NOT_PRESENT=0x9999" offset="0x0.0" size="0x0.16" />
</node>
<node name="access_reg_summary_ext" descr="" attr_is_union="1" size="0x20" >
	<field name="fix_paos" descr="" subnode="fix_paos_ext" offset="0x0.0" selected_by="FIX_PAOS" size="0x10" />
	<field name="fix_cnt" descr="" subnode="fix_cnt_ext" offset="0x0.0" selected_by="FIX_CNT" size="0x20" />
</node>
</NodesDefinition>
