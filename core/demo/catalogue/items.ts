// Inspection items (检查事项) per domain on the three lists: KEY 重点监管, RANDOM 随机抽查, WUSHI 无事不扰
// (inspected only when something prompts it). Names are written for the demo; legal bases name the
// governing law or regulation.
import type { Domain } from '../../contract/scalars.ts'
import type { ITEM_LISTS } from '../../contract/records.ts'

export type ItemTemplate = { name: string; list: (typeof ITEM_LISTS)[number]; basis: string; fire?: boolean }

export const ITEM_TEMPLATES: Record<Domain, readonly ItemTemplate[]> = {
  MKT: [
    { name: '食品经营者落实食品安全主体责任情况检查', list: 'KEY', basis: '《中华人民共和国食品安全法》第一百一十条' },
    { name: '特种设备使用单位安全管理情况检查', list: 'KEY', basis: '《中华人民共和国特种设备安全法》第五十七条' },
    { name: '食品生产企业生产过程控制检查', list: 'KEY', basis: '《食品生产经营监督检查管理办法》' },
    { name: '计量器具使用与管理情况抽查', list: 'RANDOM', basis: '《中华人民共和国计量法》' },
    { name: '产品质量监督抽查', list: 'RANDOM', basis: '《中华人民共和国产品质量法》第十五条' },
    { name: '明码标价与价格行为检查', list: 'RANDOM', basis: '《中华人民共和国价格法》' },
    { name: '广告发布行为检查', list: 'RANDOM', basis: '《中华人民共和国广告法》' },
    { name: '企业公示信息抽查', list: 'RANDOM', basis: '《企业信息公示暂行条例》' },
    { name: '营业执照登记事项核查', list: 'WUSHI', basis: '《中华人民共和国市场主体登记管理条例》' },
    { name: '经营场所证照亮照情况检查', list: 'WUSHI', basis: '《中华人民共和国市场主体登记管理条例实施细则》' }
  ],
  PSB: [
    { name: '旅馆业治安管理情况检查', list: 'KEY', basis: '《旅馆业治安管理办法》' },
    { name: '易制爆危险化学品从业单位治安防范检查', list: 'KEY', basis: '《危险化学品安全管理条例》' },
    { name: '保安服务公司经营情况检查', list: 'RANDOM', basis: '《保安服务管理条例》' },
    { name: '公章刻制业治安管理检查', list: 'RANDOM', basis: '《印铸刻字业暂行管理规则》' },
    { name: '互联网上网服务营业场所安全管理检查', list: 'RANDOM', basis: '《互联网上网服务营业场所管理条例》' },
    { name: '网络安全等级保护工作检查', list: 'RANDOM', basis: '《中华人民共和国网络安全法》' },
    { name: '派出所消防监督检查', list: 'KEY', basis: '《中华人民共和国消防法》第五十三条', fire: true },
    { name: '单位内部治安保卫制度备案情况检查', list: 'WUSHI', basis: '《企业事业单位内部治安保卫条例》' }
  ],
  FIRE: [
    { name: '消防安全重点单位消防安全管理检查', list: 'KEY', basis: '《中华人民共和国消防法》第十七条', fire: true },
    { name: '建筑消防设施完好有效情况检查', list: 'KEY', basis: '《消防监督检查规定》', fire: true },
    { name: '人员密集场所疏散通道及安全出口检查', list: 'KEY', basis: '《中华人民共和国消防法》第二十八条', fire: true },
    { name: '消防控制室值班与操作人员持证情况抽查', list: 'RANDOM', basis: '《上海市消防条例》', fire: true },
    { name: '电气线路及燃气使用消防安全抽查', list: 'RANDOM', basis: '《上海市消防条例》', fire: true },
    { name: '消防安全管理制度制定情况检查', list: 'WUSHI', basis: '《机关、团体、企业、事业单位消防安全管理规定》', fire: true }
  ],
  DRUG: [
    { name: '药品零售企业质量管理规范符合性检查', list: 'KEY', basis: '《中华人民共和国药品管理法》第九十九条' },
    { name: '医疗器械经营质量管理检查', list: 'KEY', basis: '《医疗器械监督管理条例》' },
    { name: '化妆品经营者进货查验检查', list: 'RANDOM', basis: '《化妆品监督管理条例》' },
    { name: '药品经营许可条件保持情况抽查', list: 'RANDOM', basis: '《药品经营和使用质量监督管理办法》' },
    { name: '执业药师在岗情况抽查', list: 'RANDOM', basis: '《药品经营和使用质量监督管理办法》' },
    { name: '药品经营企业名称变更登记核查', list: 'WUSHI', basis: '《药品经营和使用质量监督管理办法》' }
  ],
  HLTH: [
    { name: '公共场所卫生管理情况检查', list: 'KEY', basis: '《公共场所卫生管理条例》' },
    { name: '医疗机构依法执业检查', list: 'KEY', basis: '《医疗机构管理条例》' },
    { name: '生活饮用水卫生检查', list: 'RANDOM', basis: '《生活饮用水卫生监督管理办法》' },
    { name: '职业病防治工作检查', list: 'RANDOM', basis: '《中华人民共和国职业病防治法》' },
    { name: '消毒产品生产企业卫生检查', list: 'RANDOM', basis: '《消毒管理办法》' },
    { name: '公共场所卫生许可证公示情况检查', list: 'WUSHI', basis: '《公共场所卫生管理条例实施细则》' }
  ],
  CULT: [
    { name: '娱乐场所经营活动检查', list: 'KEY', basis: '《娱乐场所管理条例》' },
    { name: '密室剧本杀经营场所内容安全检查', list: 'KEY', basis: '《上海市密室剧本杀内容管理暂行规定》' },
    { name: '旅行社经营行为抽查', list: 'RANDOM', basis: '《旅行社条例》' },
    { name: '网吧接纳未成年人情况抽查', list: 'RANDOM', basis: '《互联网上网服务营业场所管理条例》' },
    { name: '演出场所经营活动抽查', list: 'RANDOM', basis: '《营业性演出管理条例》' },
    { name: '经营许可证悬挂情况检查', list: 'WUSHI', basis: '《娱乐场所管理办法》' }
  ],
  ENV: [
    { name: '排污许可证执行情况检查', list: 'KEY', basis: '《排污许可管理条例》' },
    { name: '危险废物规范化环境管理检查', list: 'KEY', basis: '《中华人民共和国固体废物污染环境防治法》' },
    { name: '大气污染防治设施运行检查', list: 'RANDOM', basis: '《中华人民共和国大气污染防治法》' },
    { name: '水污染物排放情况抽查', list: 'RANDOM', basis: '《中华人民共和国水污染防治法》' },
    { name: '餐饮油烟净化设施运行抽查', list: 'RANDOM', basis: '《上海市大气污染防治条例》' },
    { name: '环境影响评价文件备案情况核查', list: 'WUSHI', basis: '《中华人民共和国环境影响评价法》' }
  ],
  TRAN: [
    { name: '道路危险货物运输企业安全生产检查', list: 'KEY', basis: '《道路危险货物运输管理规定》' },
    { name: '道路货物运输经营者车辆技术管理检查', list: 'RANDOM', basis: '《道路货物运输及站场管理规定》' },
    { name: '机动车维修经营者经营行为抽查', list: 'RANDOM', basis: '《机动车维修管理规定》' },
    { name: '驾驶员培训机构教学质量抽查', list: 'RANDOM', basis: '《机动车驾驶员培训管理规定》' },
    { name: '水路运输企业安全管理检查', list: 'KEY', basis: '《国内水路运输管理条例》' },
    { name: '道路运输经营许可证年度核查', list: 'WUSHI', basis: '《中华人民共和国道路运输条例》' }
  ],
  URB: [
    { name: '门责区域市容环境卫生检查', list: 'KEY', basis: '《上海市市容环境卫生管理条例》' },
    { name: '生活垃圾分类投放管理检查', list: 'KEY', basis: '《上海市生活垃圾管理条例》' },
    { name: '户外广告设施设置检查', list: 'RANDOM', basis: '《上海市户外广告设施管理办法》' },
    { name: '建筑垃圾处置情况抽查', list: 'RANDOM', basis: '《上海市建筑垃圾处理管理规定》' },
    { name: '燃气使用安全抽查', list: 'RANDOM', basis: '《上海市燃气管理条例》' },
    { name: '店招店牌设置备案核查', list: 'WUSHI', basis: '《上海市市容环境卫生管理条例》' }
  ],
  HRSS: [
    { name: '劳动合同订立情况检查', list: 'KEY', basis: '《劳动保障监察条例》第十一条' },
    { name: '工资支付及最低工资标准执行情况检查', list: 'KEY', basis: '《保障农民工工资支付条例》' },
    { name: '工作时间和休息休假规定执行情况抽查', list: 'RANDOM', basis: '《中华人民共和国劳动法》' },
    { name: '社会保险参保缴费情况抽查', list: 'RANDOM', basis: '《中华人民共和国社会保险法》' },
    { name: '禁止使用童工规定遵守情况检查', list: 'RANDOM', basis: '《禁止使用童工规定》' },
    { name: '内部劳动保障规章制度制定情况检查', list: 'WUSHI', basis: '《劳动保障监察条例》' }
  ],
  CONS: [
    { name: '建设工程施工现场安全生产检查', list: 'KEY', basis: '《建设工程安全生产管理条例》' },
    { name: '燃气经营企业安全管理检查', list: 'KEY', basis: '《城镇燃气管理条例》' },
    { name: '建设工程质量检查', list: 'RANDOM', basis: '《建设工程质量管理条例》' },
    { name: '建筑市场行为抽查', list: 'RANDOM', basis: '《中华人民共和国建筑法》' },
    { name: '燃气供气站点安全抽查', list: 'RANDOM', basis: '《上海市燃气管理条例》' },
    { name: '施工许可证公示情况核查', list: 'WUSHI', basis: '《建筑工程施工许可管理办法》' }
  ],
  EMER: [
    { name: '危险化学品企业安全生产检查', list: 'KEY', basis: '《中华人民共和国安全生产法》第六十五条' },
    { name: '工贸企业粉尘防爆安全检查', list: 'KEY', basis: '《工贸企业粉尘防爆安全规定》' },
    { name: '有限空间作业安全抽查', list: 'RANDOM', basis: '《工贸企业有限空间作业安全规定》' },
    { name: '安全生产培训教育情况抽查', list: 'RANDOM', basis: '《生产经营单位安全培训规定》' },
    { name: '生产安全事故应急预案管理检查', list: 'RANDOM', basis: '《生产安全事故应急预案管理办法》' },
    { name: '安全生产管理机构设置情况核查', list: 'WUSHI', basis: '《中华人民共和国安全生产法》' }
  ],
  AGRI: [
    { name: '农药经营许可及经营行为检查', list: 'KEY', basis: '《农药管理条例》' },
    { name: '动物诊疗机构诊疗活动检查', list: 'KEY', basis: '《动物诊疗机构管理办法》' },
    { name: '水产苗种生产许可情况抽查', list: 'RANDOM', basis: '《水产苗种管理办法》' },
    { name: '农产品质量安全抽查', list: 'RANDOM', basis: '《中华人民共和国农产品质量安全法》' },
    { name: '畜禽规模养殖场防疫条件抽查', list: 'RANDOM', basis: '《中华人民共和国动物防疫法》' },
    { name: '农机作业服务组织备案核查', list: 'WUSHI', basis: '《农业机械安全监督管理条例》' }
  ],
  MEDI: [
    { name: '定点医药机构医保基金使用检查', list: 'KEY', basis: '《医疗保障基金使用监督管理条例》' },
    { name: '定点零售药店进销存管理抽查', list: 'RANDOM', basis: '《零售药店医疗保障定点管理暂行办法》' },
    { name: '定点医疗机构诊疗收费行为抽查', list: 'RANDOM', basis: '《医疗机构医疗保障定点管理暂行办法》' },
    { name: '医保服务协议履行情况检查', list: 'KEY', basis: '《医疗保障基金使用监督管理条例》' },
    { name: '定点机构信息变更备案核查', list: 'WUSHI', basis: '《医疗机构医疗保障定点管理暂行办法》' }
  ]
}
