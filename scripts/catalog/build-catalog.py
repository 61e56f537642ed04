#!/usr/bin/env python3
"""Writes data/service-catalog.json, the shipped service catalog (33 departments, 134 services).

Authoring aid only: the JSON file is the source of truth once written; edit it and re-import it with
`citizen-cloud import catalog data/service-catalog.json`. Departments are modelled on Chengdu's municipal
government and the utilities residents pay; fees, promised times and legal bases follow the published guides
(simplified). Run from the repository root: python3 scripts/catalog/build-catalog.py
"""
import json
import pathlib

THEMES = [
    ("transport", "交通出行", "Transport"),
    ("medical", "医疗健康", "Medical care"),
    ("social_insurance", "社会保障", "Social insurance"),
    ("housing", "住房保障", "Housing"),
    ("education", "教育服务", "Education"),
    ("employment", "就业创业", "Employment"),
    ("civil_affairs", "民政服务", "Civil affairs"),
    ("public_security", "公安户政", "Public security"),
    ("culture_sport", "文化体育", "Culture and sport"),
    ("bills", "生活缴费", "Bill payment"),
    ("tax_business", "税务与市场", "Tax and business"),
    ("legal", "法律服务", "Legal services"),
    ("environment", "城市环境", "City environment"),
    ("agriculture", "农业农村", "Agriculture and rural affairs"),
]

DEPARTMENTS = [
    ("cd-psb", "成都市公安局", "Chengdu Public Security Bureau"),
    ("cd-traffic-police", "成都市公安局交通管理局", "Chengdu Traffic Management Bureau"),
    ("cd-transport", "成都市交通运输局", "Chengdu Transport Bureau"),
    ("cd-metro", "成都轨道交通集团", "Chengdu Metro"),
    ("cd-bus", "成都公交集团", "Chengdu Bus Group"),
    ("cd-health", "成都市卫生健康委员会", "Chengdu Health Commission"),
    ("cd-medical-security", "成都市医疗保障局", "Chengdu Healthcare Security Administration"),
    ("cd-hrss", "成都市人力资源和社会保障局", "Chengdu Human Resources and Social Security Bureau"),
    ("cd-housing", "成都市住房和城乡建设局", "Chengdu Housing and Urban-Rural Development Bureau"),
    ("cd-hpf", "成都住房公积金管理中心", "Chengdu Housing Provident Fund Management Centre"),
    ("cd-planning", "成都市规划和自然资源局", "Chengdu Planning and Natural Resources Bureau"),
    ("cd-education", "成都市教育局", "Chengdu Education Bureau"),
    ("cd-civil-affairs", "成都市民政局", "Chengdu Civil Affairs Bureau"),
    ("cd-veterans", "成都市退役军人事务局", "Chengdu Veterans Affairs Bureau"),
    ("cd-disabled", "成都市残疾人联合会", "Chengdu Disabled Persons' Federation"),
    ("cd-women", "成都市妇女联合会", "Chengdu Women's Federation"),
    ("cd-trade-union", "成都市总工会", "Chengdu Federation of Trade Unions"),
    ("cd-culture", "成都市文化广电旅游局", "Chengdu Culture, Radio, Television and Tourism Bureau"),
    ("cd-sport", "成都市体育局", "Chengdu Sports Bureau"),
    ("cd-library", "成都图书馆", "Chengdu Library"),
    ("cd-tax", "国家税务总局成都市税务局", "Chengdu Municipal Tax Service"),
    ("cd-market", "成都市市场监督管理局", "Chengdu Market Regulation Administration"),
    ("cd-justice", "成都市司法局", "Chengdu Justice Bureau"),
    ("cd-ecology", "成都市生态环境局", "Chengdu Ecology and Environment Bureau"),
    ("cd-urban-management", "成都市城市管理委员会", "Chengdu Urban Management Committee"),
    ("cd-water", "成都市自来水有限责任公司", "Chengdu Water Supply Company"),
    ("cd-gas", "成都城市燃气有限责任公司", "Chengdu City Gas Company"),
    ("cd-power", "国网成都供电公司", "State Grid Chengdu Power Supply Company"),
    ("cd-telecom", "中国电信成都分公司", "China Telecom Chengdu Branch"),
    ("cd-agriculture", "成都市农业农村局", "Chengdu Agriculture and Rural Affairs Bureau"),
    ("cd-emergency", "成都市应急管理局", "Chengdu Emergency Management Bureau"),
    ("cd-governance", "成都市网络理政办公室", "Chengdu Online Governance Office"),
    ("cd-archives", "成都市档案馆", "Chengdu Municipal Archives"),
]

MATERIALS = {
    "id": ("居民身份证", "Resident identity card"),
    "hukou": ("居民户口簿", "Household register booklet (hukou)"),
    "permit": ("居住证（非本市户籍）", "Residence permit (residents without a Chengdu hukou)"),
    "photo": ("近期免冠彩色证件照", "A recent colour ID photo"),
    "marriage": ("结婚证", "Marriage certificate"),
    "birth": ("出生医学证明", "Medical birth certificate"),
    "driving": ("机动车驾驶证", "Driving licence"),
    "vehicle": ("机动车行驶证", "Vehicle registration certificate"),
    "property": ("不动产权证书", "Real-estate title certificate"),
    "lease": ("房屋租赁合同", "Tenancy agreement"),
    "labour": ("劳动合同或用工证明", "Employment contract or proof of employment"),
    "sscard": ("社会保障卡", "Social security card"),
    "medical": ("病历、诊断证明及费用票据", "Medical records, diagnosis and receipts"),
    "income": ("家庭收入及财产状况说明", "Statement of household income and assets"),
    "disability": ("残疾人证", "Disability certificate"),
    "discharge": ("退役证件", "Discharge certificate"),
    "licence": ("营业执照", "Business licence"),
    "diploma": ("学历证书", "Diploma"),
    "evidence": ("相关证据材料（照片、票据等）", "Evidence (photos, receipts and the like)"),
    "bill": ("缴费户号或账单", "Account number or a recent bill"),
    "medical_report": ("体检或健康证明", "Health check report"),
    "bank": ("本人银行卡", "Bank card in your name"),
}

LAWS = {
    "idcard": ("《中华人民共和国居民身份证法》", "Resident Identity Card Law of the PRC"),
    "hukou": ("《中华人民共和国户口登记条例》", "Regulations of the PRC on Household Registration"),
    "permit": ("《居住证暂行条例》", "Interim Regulations on Residence Permits"),
    "exit": ("《中华人民共和国出境入境管理法》", "Exit and Entry Administration Law of the PRC"),
    "traffic": ("《中华人民共和国道路交通安全法》", "Road Traffic Safety Law of the PRC"),
    "transport": ("《中华人民共和国道路运输条例》", "Regulations of the PRC on Road Transport"),
    "taxi": ("《网络预约出租汽车经营服务管理暂行办法》", "Interim Measures on Online Car-Hailing Services"),
    "rail": ("《成都市城市轨道交通管理条例》", "Chengdu Urban Rail Transit Regulations"),
    "bus": ("《成都市公共交通管理条例》", "Chengdu Public Transport Regulations"),
    "health": ("《中华人民共和国基本医疗卫生与健康促进法》", "Law of the PRC on Basic Medical and Health Care"),
    "maternal": ("《中华人民共和国母婴保健法》", "Maternal and Infant Health Care Law of the PRC"),
    "vaccine": ("《中华人民共和国疫苗管理法》", "Vaccine Administration Law of the PRC"),
    "medsec": ("《医疗保障基金使用监督管理条例》", "Regulations on the Supervision of Medical Security Funds"),
    "social": ("《中华人民共和国社会保险法》", "Social Insurance Law of the PRC"),
    "unemployment": ("《失业保险条例》", "Regulations on Unemployment Insurance"),
    "employment": ("《中华人民共和国就业促进法》", "Employment Promotion Law of the PRC"),
    "labour": ("《中华人民共和国劳动争议调解仲裁法》", "Labour Dispute Mediation and Arbitration Law of the PRC"),
    "wages": ("《保障农民工工资支付条例》", "Regulations on Ensuring Payment of Wages to Migrant Workers"),
    "housing": ("《公共租赁住房管理办法》", "Measures on the Administration of Public Rental Housing"),
    "lease": ("《商品房屋租赁管理办法》", "Measures on the Administration of Commodity Housing Leases"),
    "property": ("《物业管理条例》", "Regulations on Property Management"),
    "fund": ("《住房公积金管理条例》", "Regulations on the Administration of Housing Provident Funds"),
    "realestate": ("《不动产登记暂行条例》", "Interim Regulations on Real Estate Registration"),
    "land": ("《中华人民共和国土地管理法》", "Land Administration Law of the PRC"),
    "education": ("《中华人民共和国义务教育法》", "Compulsory Education Law of the PRC"),
    "preschool": ("《中华人民共和国学前教育法》", "Preschool Education Law of the PRC"),
    "teacher": ("《教师资格条例》", "Regulations on Teacher Qualifications"),
    "marriage": ("《婚姻登记条例》", "Regulations on Marriage Registration"),
    "assistance": ("《社会救助暂行办法》", "Interim Measures on Social Assistance"),
    "elderly": ("《中华人民共和国老年人权益保障法》", "Law of the PRC on the Protection of the Rights of the Elderly"),
    "funeral": ("《殡葬管理条例》", "Regulations on Funeral and Interment Administration"),
    "organisation": ("《社会团体登记管理条例》", "Regulations on the Registration of Social Organisations"),
    "veterans": ("《中华人民共和国退役军人保障法》", "Veterans Protection Law of the PRC"),
    "disabled": ("《中华人民共和国残疾人保障法》", "Law of the PRC on the Protection of Persons with Disabilities"),
    "women": ("《中华人民共和国妇女权益保障法》", "Law of the PRC on the Protection of Women's Rights"),
    "union": ("《中华人民共和国工会法》", "Trade Union Law of the PRC"),
    "culture": ("《中华人民共和国公共文化服务保障法》", "Public Cultural Services Guarantee Law of the PRC"),
    "tourism": ("《中华人民共和国旅游法》", "Tourism Law of the PRC"),
    "sport": ("《全民健身条例》", "Regulations on National Fitness"),
    "library": ("《中华人民共和国公共图书馆法》", "Public Library Law of the PRC"),
    "tax": ("《中华人民共和国税收征收管理法》", "Law of the PRC on the Administration of Tax Collection"),
    "iit": ("《中华人民共和国个人所得税法》", "Individual Income Tax Law of the PRC"),
    "market": ("《中华人民共和国市场主体登记管理条例》", "Regulations of the PRC on the Registration of Market Entities"),
    "consumer": ("《中华人民共和国消费者权益保护法》", "Law of the PRC on the Protection of Consumer Rights"),
    "food": ("《中华人民共和国食品安全法》", "Food Safety Law of the PRC"),
    "legalaid": ("《中华人民共和国法律援助法》", "Legal Aid Law of the PRC"),
    "notary": ("《中华人民共和国公证法》", "Notarisation Law of the PRC"),
    "mediation": ("《中华人民共和国人民调解法》", "People's Mediation Law of the PRC"),
    "lawyer": ("《中华人民共和国律师法》", "Lawyers Law of the PRC"),
    "environment": ("《中华人民共和国环境保护法》", "Environmental Protection Law of the PRC"),
    "air": ("《中华人民共和国大气污染防治法》", "Air Pollution Prevention and Control Law of the PRC"),
    "waste": ("《成都市生活垃圾管理条例》", "Chengdu Household Waste Management Regulations"),
    "city": ("《成都市市容和环境卫生管理条例》", "Chengdu City Appearance and Sanitation Regulations"),
    "parking": ("《成都市停车场管理条例》", "Chengdu Parking Regulations"),
    "water": ("《城市供水条例》", "Regulations on Urban Water Supply"),
    "gas": ("《城镇燃气管理条例》", "Regulations on Urban Gas Administration"),
    "power": ("《电力供应与使用条例》", "Regulations on Electricity Supply and Use"),
    "telecom": ("《中华人民共和国电信条例》", "Telecommunications Regulations of the PRC"),
    "farmland": ("《中华人民共和国农业法》", "Agriculture Law of the PRC"),
    "machinery": ("《中华人民共和国农业机械化促进法》", "Law of the PRC on Promoting Agricultural Mechanisation"),
    "contract": ("《中华人民共和国农村土地承包法》", "Rural Land Contracting Law of the PRC"),
    "emergency": ("《中华人民共和国突发事件应对法》", "Emergency Response Law of the PRC"),
    "safety": ("《中华人民共和国安全生产法》", "Work Safety Law of the PRC"),
    "petition": ("《信访工作条例》", "Regulations on Petition Work"),
    "archives": ("《中华人民共和国档案法》", "Archives Law of the PRC"),
}


def text(zh, en):
    return {"zh": zh, "en": en}


def field(name, kind, zh, en, required=True, **extra):
    value = {"name": name, "type": kind, "label": text(zh, en), "required": required}
    for key, item in extra.items():
        value[key] = item
    return value


def choice(name, zh, en, options, required=True):
    return field(name, "choice", zh, en, required, choices=[{"value": v, "zh": z, "en": e} for v, z, e in options])


PHONE = field("phone", "phone", "联系电话", "Contact phone")
ADDRESS = field("address", "textarea", "联系地址", "Postal address", False, maxLength=200)
DETAILS = field("details", "textarea", "情况说明", "What happened", True, minLength=10, maxLength=1000)
CONSENT = field("consent", "checkbox", "本人承诺所填信息真实有效", "I confirm that what I entered is true")
PLATE = field(
    "plate", "text", "车牌号", "Plate number", pattern="^川[A-Z][A-Z0-9]{5,6}$",
    patternHint=text("如 川A12345 或 川AD12345", "for example 川A12345 or 川AD12345"))
DATE = lambda name, zh, en, required=True: field(name, "date", zh, en, required)

# id, department, theme, kind, zh, en, synonyms, level, promised working days, fee in fen, law, materials, extra
S = []


def svc(sid, dept, theme, kind, zh, en, synonyms=(), level=1, days=0, fee=0, law=None, materials=("id",), **extra):
    S.append(dict(id=sid, dept=dept, theme=theme, kind=kind, zh=zh, en=en, synonyms=list(synonyms), level=level,
                  days=days, fee=fee, law=law, materials=list(materials), extra=extra))


def app(sid, dept, theme, zh, en, fields, **kw):
    svc(sid, dept, theme, "application", zh, en, form=fields, **kw)


def appt(sid, dept, theme, zh, en, synonyms=(), **kw):
    svc(sid, dept, theme, "appointment", zh, en, synonyms, link="/appointments?service=" + sid, **kw)


def pay(sid, dept, theme, zh, en, synonyms=(), **kw):
    svc(sid, dept, theme, "payment", zh, en, synonyms, link="/bills?service=" + sid, **kw)


def system(sid, dept, theme, zh, en, host, **kw):
    svc(sid, dept, theme, "department_system", zh, en,
        system={"initiateLoginUri": f"https://{host}/oidc/initiate", "targetLinkUri": f"https://{host}/{sid}"}, **kw)


def guide(sid, dept, theme, zh, en, synonyms=(), **kw):
    kw.setdefault("level", 0)
    kw.setdefault("materials", ())
    svc(sid, dept, theme, "guide", zh, en, synonyms, **kw)


# 成都市公安局 (9)
appt("resident-id-card-renewal", "cd-psb", "public_security", "居民身份证换领", "Renew a resident ID card",
     ["身份证到期", "换身份证", "ID card renewal"], level=2, days=20, fee=2000, law="idcard", materials=("id", "hukou", "photo"))
app("resident-id-card-replacement", "cd-psb", "public_security", "居民身份证挂失补领", "Replace a lost resident ID card",
    [choice("reason", "补领原因", "Reason", [("lost", "遗失", "Lost"), ("stolen", "被盗", "Stolen"), ("damaged", "损坏", "Damaged")]),
     DATE("lostOn", "遗失日期", "Date lost"), choice("delivery", "领取方式", "Collection",
     [("counter", "窗口领取", "Collect at the counter"), ("post", "邮寄到家", "Post to my address")]), PHONE, ADDRESS, CONSENT],
    synonyms=["身份证丢了", "补办身份证", "lost ID card"], level=2, days=20, fee=4000, law="idcard", materials=("hukou", "photo"))
app("newborn-hukou-registration", "cd-psb", "public_security", "新生儿出生入户", "Register a newborn in the household register",
    [field("childName", "text", "新生儿姓名", "Child's name", maxLength=20), DATE("birthDate", "出生日期", "Date of birth"),
     choice("gender", "性别", "Sex", [("F", "女", "Female"), ("M", "男", "Male")]),
     field("birthCertificateNo", "text", "出生医学证明编号", "Medical birth certificate number", pattern="^[A-Z][0-9]{9}$",
           patternHint=text("1 位大写字母加 9 位数字", "one capital letter and 9 digits")), PHONE, CONSENT],
    synonyms=["上户口", "宝宝落户", "birth registration"], level=2, days=5, law="hukou", materials=("id", "hukou", "birth", "marriage"))
app("hukou-transfer-in", "cd-psb", "public_security", "户口迁入", "Move your hukou to Chengdu",
    [choice("basis", "迁入类型", "Basis", [("purchase", "购房入户", "Home ownership"), ("talent", "人才引进", "Talent scheme"),
     ("family", "投靠亲属", "Joining family"), ("study", "升学", "Study")]),
     field("fromAddress", "text", "原户籍地址", "Current hukou address", maxLength=100),
     field("toAddress", "text", "迁入地址", "New address in Chengdu", maxLength=100), PHONE, CONSENT],
    synonyms=["落户", "户口迁移", "settle in Chengdu"], level=2, days=20, law="hukou", materials=("id", "hukou", "property"))
app("residence-permit", "cd-psb", "public_security", "居住证申领", "Apply for a residence permit",
    [field("address", "text", "居住地址", "Address in Chengdu", maxLength=100), DATE("since", "居住起始日期", "Living here since"),
     choice("basis", "申领依据", "Basis", [("work", "合法稳定就业", "Stable employment"), ("home", "合法稳定住所", "Stable residence"),
     ("study", "连续就读", "Study")]), PHONE, CONSENT],
    synonyms=["居住证", "暂住证", "residence card"], level=1, days=10, law="permit", materials=("id", "lease", "photo"))
app("no-criminal-record-certificate", "cd-psb", "public_security", "无犯罪记录证明", "Certificate of no criminal record",
    [choice("purpose", "用途", "Purpose", [("job", "就业", "Employment"), ("visa", "出国签证", "Visa"),
     ("adoption", "收养", "Adoption"), ("other", "其他", "Other")]),
     field("recipient", "text", "提交单位", "Organisation it is for", maxLength=60), PHONE, CONSENT],
    synonyms=["无犯罪证明", "良民证", "police clearance"], level=2, days=3, law="hukou")
appt("ordinary-passport", "cd-psb", "public_security", "普通护照申领", "Apply for an ordinary passport",
     ["护照", "办护照", "passport"], level=2, days=7, fee=12000, law="exit", materials=("id", "photo"))
appt("hk-macau-permit", "cd-psb", "public_security", "往来港澳通行证及签注", "Exit-entry permit for Hong Kong and Macao",
     ["港澳通行证", "港澳签注", "Hong Kong permit"], level=2, days=7, fee=6000, law="exit", materials=("id", "photo"))
guide("household-registration-guide", "cd-psb", "public_security", "户籍业务办事指南", "Guide to household registration",
      ["户口", "户籍", "hukou guide"], law="hukou")

# 成都市公安局交通管理局 (6)
app("driving-licence-renewal", "cd-traffic-police", "transport", "驾驶证期满换证", "Renew a driving licence at expiry",
    [field("licenceNo", "text", "驾驶证档案编号", "Licence file number", pattern="^[0-9]{12}$",
           patternHint=text("12 位数字", "12 digits")), DATE("expiresOn", "有效期截止日期", "Expiry date"),
     choice("delivery", "领取方式", "Collection", [("counter", "窗口领取", "Collect at the counter"), ("post", "邮寄到家", "Post to my address")]),
     PHONE, ADDRESS],
    synonyms=["驾照换证", "驾照到期", "driving licence"], level=2, days=1, fee=1000, law="traffic", materials=("driving", "medical_report", "photo"))
app("driving-licence-replacement", "cd-traffic-police", "transport", "驾驶证遗失补证", "Replace a lost driving licence",
    [field("licenceNo", "text", "驾驶证档案编号", "Licence file number", pattern="^[0-9]{12}$",
           patternHint=text("12 位数字", "12 digits")), PHONE, ADDRESS, CONSENT],
    synonyms=["驾照丢了", "补驾照"], level=2, days=1, fee=1000, law="traffic", materials=("id", "photo"))
appt("vehicle-inspection-appointment", "cd-traffic-police", "transport", "机动车检验预约", "Book a vehicle inspection",
     ["年检", "验车", "MOT"], level=1, days=1, law="traffic", materials=("vehicle",))
pay("traffic-fine-payment", "cd-traffic-police", "transport", "交通违法罚款缴纳", "Pay a traffic fine",
    ["违章缴费", "罚单", "交罚款", "traffic ticket"], level=2, law="traffic", materials=())
system("traffic-violation-handling", "cd-traffic-police", "transport", "交通违法查询与处理", "Look up and settle traffic violations",
       "jgj.chengdu.example", synonyms=["违章查询", "查违章", "12123"], level=2, law="traffic", materials=())
app("temporary-plate", "cd-traffic-police", "transport", "临时号牌申领", "Apply for temporary number plates",
    [field("vin", "text", "车辆识别代号", "Vehicle identification number (VIN)", pattern="^[A-HJ-NPR-Z0-9]{17}$",
           patternHint=text("17 位字母或数字（不含 I、O、Q）", "17 letters or digits (no I, O or Q)")),
     choice("purpose", "用途", "Purpose", [("new", "新车上牌前", "New car before registration"), ("transfer", "转籍", "Transfer")]), PHONE],
    synonyms=["临牌", "temporary licence plate"], level=2, days=1, fee=500, law="traffic", materials=("id",))

# 成都市交通运输局 (3)
app("taxi-complaint", "cd-transport", "transport", "出租汽车服务投诉", "Complain about a taxi ride",
    [PLATE, DATE("rideDate", "乘车日期", "Date of the ride"), choice("issue", "投诉类型", "Issue",
     [("refusal", "拒载", "Refused the ride"), ("detour", "绕路", "Took a detour"), ("overcharge", "多收费", "Overcharged"),
      ("attitude", "服务态度", "Rudeness")]), DETAILS, PHONE],
    synonyms=["出租车投诉", "打车投诉", "taxi complaint"], level=1, days=10, law="transport", materials=())
app("ride-hailing-driver-permit", "cd-transport", "transport", "网约车驾驶员证申请", "Apply for a ride-hailing driver permit",
    [field("licenceNo", "text", "驾驶证档案编号", "Licence file number", pattern="^[0-9]{12}$",
           patternHint=text("12 位数字", "12 digits")), field("drivingYears", "number", "驾龄（年）", "Years of driving", min=3, max=60),
     field("platform", "text", "拟服务平台", "Platform you will drive for", maxLength=40), PHONE, CONSENT],
    synonyms=["网约车", "滴滴司机", "ride hailing"], level=2, days=20, law="taxi", materials=("id", "driving", "photo"))
app("taxi-lost-property", "cd-transport", "transport", "出租车失物查找", "Find something left in a taxi",
    [PLATE, DATE("rideDate", "乘车日期", "Date of the ride"), field("item", "text", "遗失物品", "What you lost", maxLength=60), PHONE],
    synonyms=["出租车丢东西", "失物招领"], level=1, days=3, law="transport", materials=())

# 成都轨道交通集团 (3)
guide("metro-timetable", "cd-metro", "transport", "地铁首末班车时间", "Metro first and last trains",
      ["地铁时刻表", "末班车", "metro timetable"], law="rail")
app("metro-lost-property", "cd-metro", "transport", "地铁失物招领", "Metro lost property",
    [field("line", "number", "乘坐线路", "Line", min=1, max=30), DATE("rideDate", "乘车日期", "Date of the ride"),
     field("item", "text", "遗失物品", "What you lost", maxLength=60), PHONE],
    synonyms=["地铁丢东西", "lost and found"], level=1, days=3, law="rail", materials=())
system("metro-qr-ticket", "cd-metro", "transport", "地铁乘车码", "Metro QR ticket", "metro.chengdu.example",
       synonyms=["乘车码", "扫码乘车", "metro QR code"], level=1, law="rail", materials=())

# 成都公交集团 (3)
app("senior-bus-card", "cd-bus", "transport", "老年人公交卡办理", "Senior citizens' bus card",
    [choice("age", "年龄段", "Age group", [("60", "60–69 岁（半价）", "60–69 (half fare)"), ("70", "70 岁及以上（免费）", "70 and over (free)")]),
     choice("delivery", "领取方式", "Collection", [("counter", "网点领取", "Collect at a service point"), ("post", "邮寄到家", "Post to my address")]),
     PHONE, ADDRESS],
    synonyms=["老年卡", "老人公交卡", "senior card"], level=2, days=10, law="bus", materials=("id", "photo"))
pay("tianfutong-recharge", "cd-bus", "transport", "天府通卡充值", "Top up a Tianfutong card",
    ["公交卡充值", "天府通", "transit card top-up"], level=1, law="bus", materials=())
guide("bus-route-query", "cd-bus", "transport", "公交线路查询", "Bus routes and stops",
      ["公交路线", "坐公交", "bus routes"], law="bus")

# 成都市卫生健康委员会 (6)
appt("hospital-registration", "cd-health", "medical", "医院预约挂号", "Book a hospital appointment",
     ["挂号", "看病预约", "doctor appointment"], level=2, law="health", materials=("sscard",))
app("birth-medical-certificate", "cd-health", "medical", "出生医学证明办理", "Medical birth certificate",
    [field("childName", "text", "新生儿姓名", "Child's name", maxLength=20), DATE("birthDate", "出生日期", "Date of birth"),
     field("hospital", "text", "出生医院", "Hospital of birth", maxLength=60), PHONE],
    synonyms=["出生证", "birth certificate"], level=2, days=5, law="maternal", materials=("id", "marriage"))
appt("child-vaccination", "cd-health", "medical", "儿童预防接种预约", "Book a child's vaccination",
     ["打疫苗", "疫苗预约", "vaccination"], level=2, law="vaccine", materials=("birth",))
app("maternal-health-handbook", "cd-health", "medical", "母子健康手册建档", "Open a maternal and child health record",
    [DATE("dueDate", "预产期", "Due date"), field("clinic", "text", "建档社区卫生服务中心", "Community health centre", maxLength=60), PHONE],
    synonyms=["建档", "孕妇建卡", "pregnancy record"], level=1, days=5, law="maternal", materials=("id",))
app("family-doctor-signup", "cd-health", "medical", "家庭医生签约", "Sign up with a family doctor",
    [field("clinic", "text", "社区卫生服务中心", "Community health centre", maxLength=60),
     choice("package", "服务包", "Package", [("basic", "基础包", "Basic"), ("elderly", "老年人包", "Elderly"),
     ("chronic", "慢病包", "Chronic disease"), ("child", "儿童包", "Children")]), PHONE],
    synonyms=["家医签约", "family doctor"], level=2, days=7, law="health", materials=("id", "sscard"))
system("electronic-health-record", "cd-health", "medical", "居民电子健康档案", "My electronic health record",
       "health.chengdu.example", synonyms=["健康档案", "体检报告", "health record"], level=2, law="health", materials=())

# 成都市医疗保障局 (6)
system("medical-insurance-account", "cd-medical-security", "medical", "医保个人账户查询", "Medical insurance account and balance",
       "ybj.chengdu.example", synonyms=["医保查询", "医保余额", "medical insurance balance"], level=2, law="medsec", materials=())
app("medical-insurance-enrolment", "cd-medical-security", "medical", "城乡居民医保参保登记", "Enrol in residents' medical insurance",
    [choice("category", "参保类别", "Category", [("adult", "成年居民", "Adult"), ("student", "中小学生和儿童", "Pupil or child"),
     ("college", "大学生", "University student"), ("elderly", "老年居民", "Elderly")]), PHONE, CONSENT],
    synonyms=["医保参保", "办医保", "medical insurance"], level=2, days=5, law="social", materials=("id", "hukou"))
pay("medical-insurance-payment", "cd-medical-security", "medical", "城乡居民医保缴费", "Pay residents' medical insurance",
    ["医保缴费", "交医保"], level=2, law="social", materials=())
app("out-of-town-medical-filing", "cd-medical-security", "medical", "异地就医备案", "Register for medical treatment outside Chengdu",
    [field("city", "text", "就医城市", "City of treatment", maxLength=30), choice("reason", "备案类型", "Type",
     [("resident", "异地长期居住", "Living there"), ("work", "常驻异地工作", "Working there"), ("referral", "转诊转院", "Referral"),
      ("temporary", "临时外出就医", "Temporary stay")]), DATE("startDate", "开始日期", "From"), PHONE],
    synonyms=["异地就医", "外地看病", "out-of-town treatment"], level=2, days=3, law="medsec", materials=("id", "sscard"))
app("chronic-disease-recognition", "cd-medical-security", "medical", "门诊慢特病认定", "Recognition of a chronic or special disease",
    [choice("disease", "病种", "Condition", [("hypertension", "高血压", "Hypertension"), ("diabetes", "糖尿病", "Diabetes"),
     ("dialysis", "尿毒症透析", "Dialysis"), ("cancer", "恶性肿瘤门诊治疗", "Cancer outpatient treatment")]),
     field("hospital", "text", "诊断医院", "Diagnosing hospital", maxLength=60), PHONE],
    synonyms=["慢病认定", "特殊门诊", "chronic disease"], level=2, days=15, law="medsec", materials=("sscard", "medical"))
app("medical-expense-reimbursement", "cd-medical-security", "medical", "医疗费用手工报销", "Claim back medical expenses",
    [field("amount", "number", "自付金额（元）", "Amount you paid (yuan)", min=1, max=1000000),
     DATE("treatedOn", "就诊日期", "Date of treatment"), field("hospital", "text", "就诊医院", "Hospital", maxLength=60), PHONE, CONSENT],
    synonyms=["医保报销", "报销", "medical reimbursement"], level=2, days=20, law="medsec", materials=("sscard", "medical", "bank"))

# 成都市人力资源和社会保障局 (9)
app("social-security-card", "cd-hrss", "social_insurance", "社会保障卡申领", "Apply for a social security card",
    [choice("bank", "合作银行", "Bank", [("icbc", "工商银行", "ICBC"), ("ccb", "建设银行", "CCB"), ("boc", "中国银行", "Bank of China"),
     ("cdb", "成都银行", "Bank of Chengdu")]), PHONE, ADDRESS],
    synonyms=["社保卡", "办社保卡", "social security card"], level=2, days=10, law="social", materials=("id", "photo"))
app("social-security-card-loss", "cd-hrss", "social_insurance", "社保卡挂失", "Report a lost social security card",
    [DATE("lostOn", "遗失日期", "Date lost"), PHONE],
    synonyms=["社保卡丢了", "lost social security card"], level=1, days=1, law="social", materials=("id",))
system("pension-record-query", "cd-hrss", "social_insurance", "养老保险缴费记录查询", "Pension contribution record",
       "rsj.chengdu.example", synonyms=["社保查询", "养老金查询", "pension record"], level=2, law="social", materials=())
app("pension-qualification", "cd-hrss", "social_insurance", "领取养老金资格认证", "Confirm eligibility to keep receiving a pension",
    [choice("method", "认证方式", "Method", [("face", "人脸识别", "Face check"), ("community", "社区上门", "Community visit")]), PHONE],
    synonyms=["养老金认证", "生存认证"], level=2, days=5, law="social", materials=("sscard",))
app("flexible-employment-insurance", "cd-hrss", "social_insurance", "灵活就业人员参保登记", "Enrol in social insurance as a flexible worker",
    [choice("base", "缴费基数档次", "Contribution base", [("60", "60%", "60%"), ("100", "100%", "100%"), ("300", "300%", "300%")]),
     field("occupation", "text", "从业类型", "Occupation", maxLength=40), PHONE, CONSENT],
    synonyms=["灵活就业", "个人交社保", "freelancer insurance"], level=2, days=5, law="social", materials=("id", "hukou"))
app("unemployment-benefit", "cd-hrss", "employment", "失业保险金申领", "Claim unemployment benefit",
    [DATE("leftOn", "离职日期", "Date you left work"), field("employer", "text", "原工作单位", "Last employer", maxLength=60),
     field("insuredMonths", "number", "累计缴费月数", "Months insured", min=12, max=600), PHONE, CONSENT],
    synonyms=["失业金", "失业补助", "unemployment"], level=2, days=10, law="unemployment", materials=("id", "sscard", "bank"))
app("employment-registration", "cd-hrss", "employment", "就业创业登记", "Register employment or self-employment",
    [choice("status", "登记类型", "Type", [("employed", "就业登记", "Employed"), ("self", "创业登记", "Self-employed"),
     ("unemployed", "失业登记", "Unemployed")]), field("employer", "text", "单位名称", "Employer", False, maxLength=60), PHONE],
    synonyms=["就业登记", "就业失业登记证", "employment registration"], level=2, days=5, law="employment", materials=("id",))
app("labour-dispute-mediation", "cd-hrss", "employment", "劳动人事争议调解申请", "Ask for mediation in a labour dispute",
    [field("employer", "text", "用人单位", "Employer", maxLength=60), choice("issue", "争议事项", "Issue",
     [("wages", "劳动报酬", "Pay"), ("contract", "劳动合同", "Contract"), ("insurance", "社会保险", "Social insurance"),
      ("injury", "工伤", "Work injury")]), DETAILS, PHONE],
    synonyms=["劳动仲裁", "劳动纠纷", "labour dispute"], level=2, days=15, law="labour", materials=("id", "labour", "evidence"))
app("wage-arrears-complaint", "cd-hrss", "employment", "拖欠工资投诉", "Report unpaid wages",
    [field("employer", "text", "用人单位", "Employer", maxLength=60), field("amount", "number", "拖欠金额（元）", "Amount owed (yuan)", min=1, max=10000000),
     field("months", "number", "拖欠月数", "Months unpaid", min=1, max=120), DETAILS, PHONE],
    synonyms=["欠薪", "讨薪", "工资拖欠", "unpaid wages"], level=1, days=10, law="wages", materials=("evidence",))

# 成都市住房和城乡建设局 (6)
app("public-rental-housing", "cd-housing", "housing", "公共租赁住房申请", "Apply for public rental housing",
    [field("householdSize", "number", "家庭人数", "People in the household", min=1, max=12),
     field("monthlyIncome", "number", "家庭人均月收入（元）", "Monthly income per person (yuan)", min=0, max=100000),
     choice("district", "意向区域", "Preferred district", [("jinjiang", "锦江区", "Jinjiang"), ("qingyang", "青羊区", "Qingyang"),
     ("jinniu", "金牛区", "Jinniu"), ("wuhou", "武侯区", "Wuhou"), ("chenghua", "成华区", "Chenghua")]), PHONE, CONSENT],
    synonyms=["公租房", "保障房", "public housing"], level=3, days=30, law="housing", materials=("id", "hukou", "income"))
app("housing-purchase-eligibility", "cd-housing", "housing", "购房资格查询", "Check eligibility to buy a home",
    [choice("type", "购房类型", "Purchase", [("first", "首套", "First home"), ("second", "二套", "Second home")]),
     field("familyMembers", "number", "家庭成员数", "Family members", min=1, max=10), PHONE],
    synonyms=["购房资格", "能不能买房", "home purchase eligibility"], level=2, days=3, law="lease", materials=("id", "hukou", "marriage"))
app("rental-contract-filing", "cd-housing", "housing", "房屋租赁合同备案", "File a tenancy agreement",
    [field("address", "text", "房屋地址", "Address of the home", maxLength=100), DATE("startDate", "租期开始", "Lease starts"),
     DATE("endDate", "租期结束", "Lease ends"), field("rent", "number", "月租金（元）", "Monthly rent (yuan)", min=100, max=200000), PHONE],
    synonyms=["租房备案", "租赁备案", "tenancy registration"], level=2, days=5, law="lease", materials=("id", "lease"))
system("maintenance-fund-query", "cd-housing", "housing", "住宅专项维修资金查询", "Housing maintenance fund balance",
       "zjj.chengdu.example", synonyms=["维修基金", "维修资金"], level=2, law="property", materials=())
app("talent-apartment", "cd-housing", "housing", "人才公寓申请", "Apply for a talent apartment",
    [choice("degree", "学历", "Degree", [("bachelor", "本科", "Bachelor"), ("master", "硕士", "Master"), ("doctor", "博士", "Doctorate")]),
     field("employer", "text", "工作单位", "Employer", maxLength=60), PHONE, CONSENT],
    synonyms=["人才安居", "人才房", "talent housing"], level=2, days=20, law="housing", materials=("id", "diploma", "labour"))
app("elevator-retrofit-subsidy", "cd-housing", "housing", "老旧小区加装电梯补贴", "Subsidy for adding a lift to an old building",
    [field("estate", "text", "小区名称", "Estate", maxLength=60), field("building", "text", "楼栋单元", "Building and entrance", maxLength=30),
     field("consentRate", "number", "业主同意比例（%）", "Owners in favour (%)", min=67, max=100), PHONE],
    synonyms=["加装电梯", "电梯补贴", "lift retrofit"], level=2, days=30, law="property", materials=("property",))

# 成都住房公积金管理中心 (5)
system("provident-fund-query", "cd-hpf", "housing", "住房公积金查询", "Housing provident fund balance",
       "gjj.chengdu.example", synonyms=["公积金查询", "公积金余额", "provident fund"], level=2, law="fund", materials=())
app("provident-fund-rent-withdrawal", "cd-hpf", "housing", "租房提取住房公积金", "Withdraw provident fund for rent",
    [field("address", "text", "租住地址", "Rented home", maxLength=100), field("rent", "number", "月租金（元）", "Monthly rent (yuan)", min=100, max=100000),
     choice("bank", "到账银行卡", "Pay into", [("own", "本人社保卡金融账户", "My social security card account"), ("other", "本人其他银行卡", "Another card of mine")]), PHONE],
    synonyms=["公积金提取", "租房提取", "withdraw provident fund"], level=2, days=3, law="fund", materials=("id", "lease", "bank"))
app("provident-fund-retirement-withdrawal", "cd-hpf", "housing", "退休提取住房公积金", "Withdraw provident fund at retirement",
    [DATE("retiredOn", "退休日期", "Date of retirement"), PHONE],
    synonyms=["退休提取公积金", "销户提取"], level=2, days=3, law="fund", materials=("id", "bank"))
appt("provident-fund-loan", "cd-hpf", "housing", "公积金贷款申请", "Apply for a provident fund mortgage",
     ["公积金贷款", "买房贷款", "provident fund loan"], level=2, days=15, law="fund", materials=("id", "marriage", "property"))
guide("provident-fund-contribution-guide", "cd-hpf", "housing", "缴存基数调整指南", "Guide to contribution base changes",
      ["公积金基数", "缴存比例"], law="fund")

# 成都市规划和自然资源局 (4)
system("real-estate-record-query", "cd-planning", "housing", "不动产登记信息查询", "Real-estate register records",
       "bdc.chengdu.example", synonyms=["房产证查询", "查房产", "property records"], level=2, law="realestate", materials=())
appt("second-hand-home-transfer", "cd-planning", "housing", "二手房转移登记", "Register the transfer of a second-hand home",
     ["二手房过户", "房屋过户", "property transfer"], level=2, days=5, fee=8000, law="realestate", materials=("id", "property", "marriage"))
app("mortgage-release-registration", "cd-planning", "housing", "抵押权注销登记", "Register the release of a mortgage",
    [field("certificateNo", "text", "不动产权证书号", "Title certificate number", maxLength=40),
     field("bank", "text", "抵押权人（银行）", "Mortgagee (bank)", maxLength=40), PHONE],
    synonyms=["解押", "注销抵押", "mortgage release"], level=2, days=5, law="realestate", materials=("id", "property"))
app("rural-homestead-approval", "cd-planning", "agriculture", "农村宅基地审批", "Approval of a rural homestead",
    [field("village", "text", "所在村组", "Village and group", maxLength=60), field("area", "number", "申请面积（平方米）", "Area (m²)", min=20, max=150),
     DETAILS, PHONE],
    synonyms=["宅基地", "建房审批", "homestead"], level=3, days=20, law="land", materials=("id", "hukou"))

# 成都市教育局 (6)
system("primary-school-enrolment", "cd-education", "education", "小学新生入学登记", "Primary school enrolment",
       "edu.chengdu.example", synonyms=["入学报名", "小一报名", "school enrolment"], level=2, law="education", materials=())
app("kindergarten-enrolment", "cd-education", "education", "公办幼儿园报名", "Apply for a public kindergarten place",
    [field("childName", "text", "幼儿姓名", "Child's name", maxLength=20), DATE("birthDate", "出生日期", "Date of birth"),
     field("kindergarten", "text", "意向幼儿园", "Kindergarten", maxLength=60), PHONE],
    synonyms=["幼儿园报名", "入园", "kindergarten"], level=2, days=15, law="preschool", materials=("hukou", "birth", "property"))
app("student-financial-aid", "cd-education", "education", "家庭经济困难学生资助", "Financial aid for pupils from poor families",
    [field("school", "text", "就读学校", "School", maxLength=60), choice("stage", "学段", "Stage",
     [("primary", "小学", "Primary"), ("junior", "初中", "Junior secondary"), ("senior", "高中", "Senior secondary")]),
     field("monthlyIncome", "number", "家庭人均月收入（元）", "Monthly income per person (yuan)", min=0, max=100000), PHONE],
    synonyms=["助学金", "学生资助", "student aid"], level=2, days=20, law="education", materials=("hukou", "income"))
app("teacher-qualification", "cd-education", "education", "教师资格认定", "Teacher qualification",
    [choice("stage", "资格种类", "Level", [("kindergarten", "幼儿园", "Kindergarten"), ("primary", "小学", "Primary"),
     ("junior", "初级中学", "Junior secondary"), ("senior", "高级中学", "Senior secondary")]),
     field("subject", "text", "任教学科", "Subject", maxLength=20), field("certificateNo", "text", "考试合格证明编号", "Exam certificate number", maxLength=30), PHONE],
    synonyms=["教师资格证", "teacher certificate"], level=2, days=30, fee=0, law="teacher", materials=("id", "diploma", "medical_report", "photo"))
app("school-transfer", "cd-education", "education", "义务教育转学", "Transfer school during compulsory education",
    [field("fromSchool", "text", "转出学校", "Current school", maxLength=60), field("toSchool", "text", "转入学校", "New school", maxLength=60),
     field("grade", "number", "年级", "Grade", min=1, max=9), DETAILS, PHONE],
    synonyms=["转学", "school transfer"], level=2, days=10, law="education", materials=("hukou",))
guide("exam-results", "cd-education", "education", "中考成绩查询", "Senior high school entrance exam results",
      ["中考", "成绩查询", "exam results"], law="education")

# 成都市民政局 (9)
appt("marriage-registration", "cd-civil-affairs", "civil_affairs", "结婚登记预约", "Book a marriage registration",
     ["结婚登记", "领证", "marriage"], level=2, days=1, law="marriage", materials=("id", "hukou", "photo"))
appt("divorce-registration", "cd-civil-affairs", "civil_affairs", "离婚登记预约", "Book a divorce registration",
     ["离婚", "divorce"], level=2, days=30, law="marriage", materials=("id", "hukou", "marriage"))
app("marriage-record-certificate", "cd-civil-affairs", "civil_affairs", "婚姻登记记录证明", "Certificate of marriage records",
    [choice("purpose", "用途", "Purpose", [("housing", "购房", "Buying a home"), ("loan", "贷款", "A loan"), ("other", "其他", "Other")]), PHONE],
    synonyms=["单身证明", "婚姻状况证明", "marital status"], level=2, days=5, law="marriage", materials=("id",))
app("minimum-living-allowance", "cd-civil-affairs", "civil_affairs", "城乡居民最低生活保障", "Minimum living allowance",
    [field("householdSize", "number", "共同生活家庭成员数", "People in the household", min=1, max=12),
     field("monthlyIncome", "number", "家庭月收入（元）", "Household monthly income (yuan)", min=0, max=100000), DETAILS, PHONE, CONSENT],
    synonyms=["低保", "最低生活保障", "dibao"], level=3, days=30, law="assistance", materials=("id", "hukou", "income"))
app("senior-allowance", "cd-civil-affairs", "civil_affairs", "高龄津贴", "Allowance for people over 80",
    [DATE("birthDate", "出生日期", "Date of birth"), choice("bank", "发放方式", "Paid into",
     [("sscard", "社保卡", "Social security card"), ("bank", "银行卡", "Bank card")]), PHONE],
    synonyms=["高龄补贴", "老人补贴", "old-age allowance"], level=2, days=20, law="elderly", materials=("id", "hukou", "bank"))
app("temporary-assistance", "cd-civil-affairs", "civil_affairs", "临时救助", "Emergency assistance",
    [choice("cause", "困难原因", "Cause", [("illness", "重大疾病", "Serious illness"), ("accident", "意外事故", "Accident"),
     ("disaster", "自然灾害", "Natural disaster"), ("other", "其他", "Other")]), DETAILS, PHONE, CONSENT],
    synonyms=["救助", "临时困难", "emergency aid"], level=2, days=10, law="assistance", materials=("id", "evidence"))
app("home-care-subsidy", "cd-civil-affairs", "civil_affairs", "居家养老服务补贴", "Subsidy for home care of the elderly",
    [choice("care", "照护等级", "Care level", [("light", "轻度失能", "Light"), ("moderate", "中度失能", "Moderate"), ("severe", "重度失能", "Severe")]),
     field("age", "number", "老人年龄", "Age", min=60, max=120), PHONE],
    synonyms=["养老补贴", "居家养老", "elderly care"], level=2, days=20, law="elderly", materials=("id", "hukou"))
app("basic-funeral-subsidy", "cd-civil-affairs", "civil_affairs", "基本殡葬服务补贴", "Subsidy for basic funeral services",
    [field("deceasedName", "text", "逝者姓名", "Name of the deceased", maxLength=20), DATE("diedOn", "逝世日期", "Date of death"), PHONE],
    synonyms=["丧葬补贴", "殡葬补贴"], level=2, days=10, law="funeral", materials=("id", "hukou"))
guide("social-organisation-guide", "cd-civil-affairs", "civil_affairs", "社会组织登记指南", "Guide to registering a social organisation",
      ["社会组织", "社团登记", "NGO registration"], law="organisation")

# 成都市退役军人事务局 (3)
app("veteran-preferential-card", "cd-veterans", "civil_affairs", "退役军人优待证申领", "Veterans' preferential treatment card",
    [DATE("dischargedOn", "退役日期", "Date of discharge"), PHONE, ADDRESS],
    synonyms=["优待证", "veteran card"], level=2, days=30, law="veterans", materials=("id", "discharge", "photo"))
app("veteran-disability-pension", "cd-veterans", "civil_affairs", "伤残抚恤", "Disability pension for veterans",
    [field("grade", "number", "伤残等级", "Disability grade", min=1, max=10), DETAILS, PHONE],
    synonyms=["抚恤金", "伤残军人"], level=3, days=30, law="veterans", materials=("id", "discharge", "medical"))
guide("veteran-employment-guide", "cd-veterans", "employment", "退役军人就业服务指南", "Employment services for veterans",
      ["退役军人就业", "veteran jobs"], law="veterans")

# 成都市残疾人联合会 (3)
app("disability-certificate", "cd-disabled", "civil_affairs", "残疾人证办理", "Apply for a disability certificate",
    [choice("category", "残疾类别", "Category", [("visual", "视力", "Visual"), ("hearing", "听力", "Hearing"), ("physical", "肢体", "Physical"),
     ("intellectual", "智力", "Intellectual"), ("mental", "精神", "Mental")]), PHONE, ADDRESS],
    synonyms=["残疾证", "disability card"], level=2, days=20, law="disabled", materials=("id", "hukou", "photo", "medical"))
app("disability-living-subsidy", "cd-disabled", "civil_affairs", "困难残疾人生活补贴", "Living subsidy for disabled people in need",
    [field("monthlyIncome", "number", "家庭人均月收入（元）", "Monthly income per person (yuan)", min=0, max=100000), PHONE],
    synonyms=["残疾人补贴", "两项补贴"], level=2, days=20, law="disabled", materials=("disability", "income"))
app("assistive-devices", "cd-disabled", "civil_affairs", "辅助器具适配", "Assistive devices",
    [choice("device", "辅具类型", "Device", [("wheelchair", "轮椅", "Wheelchair"), ("hearing", "助听器", "Hearing aid"),
     ("walker", "助行器", "Walker"), ("cane", "盲杖", "White cane")]), PHONE, ADDRESS],
    synonyms=["轮椅", "助听器", "assistive device"], level=2, days=15, law="disabled", materials=("disability",))

# 成都市妇女联合会 (2)
appt("family-counselling", "cd-women", "civil_affairs", "婚姻家庭咨询", "Marriage and family counselling",
     ["家庭咨询", "婚姻咨询", "counselling"], level=1, law="women", materials=())
app("women-rights-help", "cd-women", "legal", "妇女权益维护", "Help with women's rights",
    [choice("issue", "问题类型", "Issue", [("violence", "家庭暴力", "Domestic violence"), ("work", "就业歧视", "Discrimination at work"),
     ("property", "财产权益", "Property rights")]), DETAILS, PHONE],
    synonyms=["家暴求助", "妇女维权", "domestic violence"], level=1, days=10, law="women", materials=())

# 成都市总工会 (3)
app("trade-union-membership", "cd-trade-union", "employment", "工会会员入会", "Join a trade union",
    [field("employer", "text", "工作单位", "Employer", False, maxLength=60), choice("type", "会员类型", "Membership",
     [("company", "单位工会", "Workplace union"), ("gig", "新就业形态劳动者", "Platform worker")]), PHONE],
    synonyms=["入会", "工会", "trade union"], level=1, days=10, law="union", materials=())
app("worker-hardship-aid", "cd-trade-union", "employment", "困难职工帮扶", "Help for workers in hardship",
    [choice("cause", "困难原因", "Cause", [("illness", "因病", "Illness"), ("education", "子女上学", "School costs"),
     ("disaster", "灾害事故", "Accident or disaster")]), DETAILS, PHONE],
    synonyms=["困难帮扶", "送温暖"], level=2, days=20, law="union", materials=("id", "income"))
app("worker-legal-aid", "cd-trade-union", "legal", "职工法律援助", "Legal aid for workers",
    [field("employer", "text", "用人单位", "Employer", maxLength=60), DETAILS, PHONE],
    synonyms=["工会法律援助", "职工维权"], level=1, days=10, law="union", materials=("evidence",))

# 成都市文化广电旅游局 (4)
appt("museum-visit", "cd-culture", "culture_sport", "博物馆参观预约", "Book a museum visit",
     ["博物馆", "成都博物馆", "museum"], level=1, law="culture", materials=())
guide("public-culture-events", "cd-culture", "culture_sport", "公共文化活动", "Public cultural events",
      ["文化活动", "演出", "events"], law="culture")
app("tour-guide-licence", "cd-culture", "culture_sport", "导游证申领", "Tour guide licence",
    [field("examNo", "text", "导游资格证编号", "Guide exam certificate number", maxLength=30),
     field("agency", "text", "签约旅行社", "Travel agency", maxLength=60), PHONE],
    synonyms=["导游证", "tour guide"], level=2, days=20, law="tourism", materials=("id", "photo"))
app("tourism-complaint", "cd-culture", "culture_sport", "旅游投诉", "Complain about a tour",
    [field("agency", "text", "旅行社或景区", "Agency or attraction", maxLength=60), DATE("tripDate", "出游日期", "Date of the trip"),
     DETAILS, PHONE],
    synonyms=["景区投诉", "旅行社投诉", "tourism complaint"], level=1, days=10, law="tourism", materials=("evidence",))

# 成都市体育局 (3)
appt("sports-venue-booking", "cd-sport", "culture_sport", "公共体育场馆预约", "Book a public sports venue",
     ["羽毛球场", "游泳馆", "订场", "sports hall"], level=1, law="sport", materials=())
app("marathon-registration", "cd-sport", "culture_sport", "成都马拉松报名", "Chengdu Marathon registration",
    [choice("race", "项目", "Race", [("full", "全程马拉松", "Marathon"), ("half", "半程马拉松", "Half marathon"), ("fun", "欢乐跑", "Fun run")]),
     choice("size", "T 恤尺码", "T-shirt size", [("S", "S", "S"), ("M", "M", "M"), ("L", "L", "L"), ("XL", "XL", "XL")]),
     field("emergencyPhone", "phone", "紧急联系人电话", "Emergency contact phone"), CONSENT],
    synonyms=["马拉松", "成马", "marathon"], level=2, days=15, fee=20000, law="sport", materials=("medical_report",))
guide("sports-consumption-coupons", "cd-sport", "culture_sport", "体育消费券", "Sports vouchers",
      ["体育券", "运动消费券"], law="sport")

# 成都图书馆 (3)
app("library-card", "cd-library", "culture_sport", "读者证办理", "Library card",
    [choice("type", "读者证类型", "Card", [("adult", "成人证", "Adult"), ("child", "少儿证", "Child")]), PHONE],
    synonyms=["借书证", "图书馆卡", "library card"], level=1, days=1, law="library", materials=("id",))
system("book-renewal", "cd-library", "culture_sport", "图书续借", "Renew borrowed books", "library.chengdu.example",
       synonyms=["续借", "借阅查询", "renew books"], level=1, law="library", materials=())
appt("reading-room-seat", "cd-library", "culture_sport", "阅览室座位预约", "Book a reading-room seat",
     ["自习座位", "图书馆座位", "study seat"], level=1, law="library", materials=())

# 国家税务总局成都市税务局 (4)
system("individual-income-tax-settlement", "cd-tax", "tax_business", "个人所得税年度汇算", "Annual individual income tax return",
       "etax.chengdu.example", synonyms=["个税汇算", "个税退税", "income tax return"], level=2, law="iit", materials=())
app("tax-payment-certificate", "cd-tax", "tax_business", "完税证明开具", "Tax payment certificate",
    [field("year", "number", "所属年度", "Tax year", min=2000, max=2100), choice("taxType", "税种", "Tax",
     [("iit", "个人所得税", "Individual income tax"), ("deed", "契税", "Deed tax"), ("vehicle", "车船税", "Vehicle tax")]), PHONE],
    synonyms=["完税证明", "纳税证明", "tax certificate"], level=2, days=1, law="tax", materials=("id",))
guide("deed-tax-guide", "cd-tax", "tax_business", "契税缴纳指南", "Guide to deed tax",
      ["契税", "买房交税"], law="tax")
pay("residents-pension-contribution", "cd-tax", "social_insurance", "城乡居民养老保险缴费", "Pay residents' pension contributions",
    ["养老保险缴费", "交社保", "pension contribution"], level=2, law="social", materials=())

# 成都市市场监督管理局 (4)
app("individual-business-registration", "cd-market", "tax_business", "个体工商户登记", "Register a sole proprietorship",
    [field("businessName", "text", "字号名称", "Trade name", maxLength=40), field("scope", "textarea", "经营范围", "Business scope", maxLength=300),
     field("address", "text", "经营场所", "Premises", maxLength=100), PHONE, CONSENT],
    synonyms=["个体户", "开店", "营业执照", "sole trader"], level=2, days=3, law="market", materials=("id", "lease"))
app("consumer-complaint", "cd-market", "tax_business", "消费投诉举报", "Consumer complaint",
    [field("merchant", "text", "商家名称", "Merchant", maxLength=60), DATE("purchasedOn", "消费日期", "Date of purchase"),
     field("amount", "number", "涉及金额（元）", "Amount (yuan)", False, min=0, max=10000000), DETAILS, PHONE],
    synonyms=["12315", "投诉商家", "消费维权", "consumer rights"], level=1, days=7, law="consumer", materials=("evidence",))
app("food-business-licence", "cd-market", "tax_business", "食品经营许可", "Food business licence",
    [field("businessName", "text", "经营者名称", "Business name", maxLength=60), choice("type", "经营类型", "Type",
     [("shop", "食品销售", "Food retail"), ("restaurant", "餐饮服务", "Restaurant"), ("canteen", "单位食堂", "Canteen")]),
     field("address", "text", "经营场所", "Premises", maxLength=100), PHONE],
    synonyms=["食品许可证", "餐饮许可", "food licence"], level=2, days=10, law="food", materials=("licence", "medical_report"))
system("enterprise-name-declaration", "cd-market", "tax_business", "企业名称自主申报", "Declare a company name",
       "scjg.chengdu.example", synonyms=["企业核名", "公司起名", "company name"], level=2, law="market", materials=())

# 成都市司法局 (4)
app("legal-aid", "cd-justice", "legal", "法律援助申请", "Apply for legal aid",
    [choice("matter", "案件类型", "Matter", [("labour", "劳动争议", "Labour dispute"), ("family", "婚姻家庭", "Family"),
     ("injury", "人身损害", "Personal injury"), ("criminal", "刑事辩护", "Criminal defence")]),
     field("monthlyIncome", "number", "家庭人均月收入（元）", "Monthly income per person (yuan)", min=0, max=100000), DETAILS, PHONE],
    synonyms=["法援", "免费律师", "legal aid"], level=2, days=7, law="legalaid", materials=("id", "income", "evidence"))
appt("notarisation", "cd-justice", "legal", "公证预约", "Book a notarisation",
     ["公证", "公证处", "notary"], level=2, law="notary", materials=("id",))
app("people-mediation", "cd-justice", "legal", "人民调解申请", "Ask for people's mediation",
    [choice("dispute", "纠纷类型", "Dispute", [("neighbour", "邻里纠纷", "Neighbours"), ("family", "家庭纠纷", "Family"),
     ("property", "物业纠纷", "Property management"), ("debt", "债务纠纷", "Debt")]), DETAILS, PHONE],
    synonyms=["调解", "邻里纠纷", "mediation"], level=1, days=15, law="mediation", materials=())
guide("lawyer-lookup", "cd-justice", "legal", "律师执业信息查询", "Look up a lawyer's licence",
      ["查律师", "律师事务所", "find a lawyer"], law="lawyer")

# 成都市生态环境局 (2)
app("pollution-complaint", "cd-ecology", "environment", "环境污染投诉", "Report pollution",
    [choice("type", "污染类型", "Pollution", [("noise", "噪声", "Noise"), ("air", "废气", "Air"), ("water", "污水", "Water"),
     ("waste", "固体废物", "Solid waste")]), field("location", "text", "发生地点", "Where", maxLength=100), DETAILS, PHONE],
    synonyms=["噪音投诉", "环保投诉", "12369", "noise complaint"], level=1, days=10, law="environment", materials=("evidence",))
guide("air-quality", "cd-ecology", "environment", "空气质量实时发布", "Air quality now",
      ["空气质量", "AQI", "雾霾"], law="air")

# 成都市城市管理委员会 (4)
guide("waste-sorting-guide", "cd-urban-management", "environment", "生活垃圾分类指南", "Household waste sorting guide",
      ["垃圾分类", "waste sorting", "recycling"], law="waste")
appt("bulky-waste-collection", "cd-urban-management", "environment", "大件垃圾预约清运", "Book a bulky waste collection",
     ["大件垃圾", "旧家具", "bulky waste"], level=1, days=3, law="waste", materials=())
app("street-occupation-permit", "cd-urban-management", "environment", "临时占用城市道路许可", "Permit to occupy a street temporarily",
    [field("location", "text", "占道地点", "Location", maxLength=100), DATE("startDate", "开始日期", "From"), DATE("endDate", "结束日期", "Until"),
     field("area", "number", "占用面积（平方米）", "Area (m²)", min=1, max=500), DETAILS, PHONE],
    synonyms=["占道", "临时占道"], level=2, days=5, law="city", materials=("id",))
pay("street-parking-fee", "cd-urban-management", "transport", "路边停车费缴纳", "Pay street parking fees",
    ["停车费", "路边停车", "parking fee"], level=1, law="parking", materials=())

# 成都市自来水有限责任公司 (3)
pay("water-bill", "cd-water", "bills", "水费缴纳", "Pay the water bill", ["水费", "交水费", "water bill"], level=1, law="water", materials=())
app("water-connection", "cd-water", "bills", "用水报装", "New water connection",
    [field("address", "text", "用水地址", "Address", maxLength=100), choice("use", "用水性质", "Use",
     [("home", "居民生活", "Household"), ("business", "非居民", "Business")]), PHONE],
    synonyms=["装水表", "开户", "water connection"], level=2, days=10, law="water", materials=("id", "property"))
app("water-repair", "cd-water", "bills", "供水报修", "Report a water supply fault",
    [field("address", "text", "故障地址", "Address", maxLength=100), choice("fault", "故障类型", "Fault",
     [("none", "停水", "No water"), ("leak", "漏水", "Leak"), ("pressure", "水压低", "Low pressure"), ("quality", "水质问题", "Water quality")]), PHONE],
    synonyms=["停水", "水管漏水", "water leak"], level=1, days=1, law="water", materials=())

# 成都城市燃气有限责任公司 (3)
pay("gas-bill", "cd-gas", "bills", "燃气费缴纳", "Pay the gas bill", ["燃气费", "天然气费", "gas bill"], level=1, law="gas", materials=())
app("gas-connection", "cd-gas", "bills", "燃气开户报装", "New gas connection",
    [field("address", "text", "用气地址", "Address", maxLength=100), choice("use", "用气性质", "Use",
     [("home", "居民生活", "Household"), ("business", "非居民", "Business")]), PHONE],
    synonyms=["开通天然气", "燃气开户"], level=2, days=10, law="gas", materials=("id", "property"))
appt("gas-safety-check", "cd-gas", "bills", "燃气安全检查预约", "Book a gas safety check",
     ["燃气安检", "gas safety"], level=1, law="gas", materials=())

# 国网成都供电公司 (3)
pay("electricity-bill", "cd-power", "bills", "电费缴纳", "Pay the electricity bill", ["电费", "交电费", "power bill"], level=1, law="power", materials=())
app("electricity-account-transfer", "cd-power", "bills", "电力过户", "Transfer an electricity account",
    [field("accountNo", "text", "用电户号", "Account number", pattern="^[0-9]{10}$", patternHint=text("10 位数字", "10 digits")),
     field("address", "text", "用电地址", "Address", maxLength=100), PHONE],
    synonyms=["电表过户", "改户名"], level=2, days=5, law="power", materials=("id", "property"))
app("ev-charger-installation", "cd-power", "bills", "充电桩报装", "Install an electric vehicle charger",
    [field("address", "text", "安装地址", "Address", maxLength=100), field("parkingSpace", "text", "车位编号", "Parking space", maxLength=20),
     choice("power", "功率", "Power", [("7", "7 kW 交流", "7 kW AC"), ("11", "11 kW 交流", "11 kW AC")]), PHONE],
    synonyms=["充电桩", "新能源车充电", "EV charger"], level=2, days=15, law="power", materials=("id", "property"))

# 中国电信成都分公司 (2)
pay("broadband-bill", "cd-telecom", "bills", "固话宽带费缴纳", "Pay the landline and broadband bill",
    ["宽带费", "电话费", "broadband"], level=1, law="telecom", materials=())
pay("mobile-top-up", "cd-telecom", "bills", "手机话费充值", "Top up a mobile phone", ["话费", "充话费", "phone credit"],
    level=1, law="telecom", materials=())

# 成都市农业农村局 (3)
app("farmland-protection-subsidy", "cd-agriculture", "agriculture", "耕地地力保护补贴", "Farmland protection subsidy",
    [field("village", "text", "所在村组", "Village and group", maxLength=60), field("area", "number", "承包耕地面积（亩）", "Contracted farmland (mu)", min=0.1, max=1000),
     PHONE],
    synonyms=["种粮补贴", "耕地补贴", "farm subsidy"], level=3, days=30, law="farmland", materials=("id", "bank"))
app("farm-machinery-subsidy", "cd-agriculture", "agriculture", "农机购置补贴", "Subsidy for buying farm machinery",
    [field("machine", "text", "机具名称型号", "Machine and model", maxLength=60), field("price", "number", "购买价格（元）", "Price (yuan)", min=100, max=5000000),
     DATE("boughtOn", "购买日期", "Date of purchase"), PHONE],
    synonyms=["农机补贴", "farm machinery"], level=2, days=30, law="machinery", materials=("id", "bank", "evidence"))
app("land-contract-dispute", "cd-agriculture", "agriculture", "农村土地承包纠纷调解", "Mediation of a rural land contract dispute",
    [field("village", "text", "所在村组", "Village and group", maxLength=60), DETAILS, PHONE],
    synonyms=["土地纠纷", "承包地纠纷"], level=2, days=30, law="contract", materials=("id", "evidence"))

# 成都市应急管理局 (2)
guide("emergency-shelters", "cd-emergency", "public_security", "应急避难场所查询", "Emergency shelters near you",
      ["避难场所", "地震避难", "shelter"], law="emergency")
app("safety-hazard-report", "cd-emergency", "public_security", "安全隐患举报", "Report a safety hazard",
    [field("location", "text", "隐患地点", "Where", maxLength=100), choice("type", "隐患类型", "Type",
     [("fire", "消防", "Fire"), ("gas", "燃气", "Gas"), ("building", "建筑", "Building"), ("chemical", "危化品", "Chemicals")]), DETAILS, PHONE],
    synonyms=["隐患举报", "安全举报"], level=1, days=7, law="safety", materials=("evidence",))

# 成都市网络理政办公室 (2)
app("citizen-hotline-12345", "cd-governance", "civil_affairs", "12345 市民诉求", "12345 citizen hotline request",
    [choice("type", "诉求类型", "Type", [("complaint", "投诉", "Complaint"), ("suggestion", "建议", "Suggestion"),
     ("help", "求助", "Request for help"), ("praise", "表扬", "Praise")]), field("location", "text", "事发地点", "Where", False, maxLength=100),
     DETAILS, PHONE],
    synonyms=["12345", "市长信箱", "热线", "投诉", "hotline"], level=1, days=5, law="petition", materials=())
app("policy-consultation", "cd-governance", "civil_affairs", "政策咨询", "Ask about a policy",
    [field("topic", "text", "咨询主题", "Topic", maxLength=60), field("question", "textarea", "问题", "Question", minLength=10, maxLength=1000), PHONE],
    synonyms=["咨询", "政策解读", "policy question"], level=1, days=5, law="petition", materials=())

# 成都市档案馆 (2)
app("archive-access", "cd-archives", "civil_affairs", "档案查阅", "Consult archives",
    [field("subject", "text", "查阅内容", "What you are looking for", maxLength=100), choice("purpose", "用途", "Purpose",
     [("personal", "个人权益", "Personal rights"), ("research", "学术研究", "Research"), ("other", "其他", "Other")]), PHONE],
    synonyms=["查档案", "archives"], level=2, days=5, law="archives", materials=("id",))
app("historical-marriage-records", "cd-archives", "civil_affairs", "历史婚姻档案查询", "Historical marriage records",
    [field("spouseName", "text", "配偶姓名", "Spouse's name", maxLength=20), field("year", "number", "登记年份", "Year registered", min=1950, max=2100), PHONE],
    synonyms=["婚姻档案", "老结婚证"], level=2, days=10, law="archives", materials=("id",))


def summary(service, dept):
    name_zh, name_en, dept_zh, dept_en = service["zh"], service["en"], dept[1], dept[2]
    return {
        "guide": text(f"{name_zh}：办理条件、所需材料、流程和咨询方式。",
                      f"{name_en}: who qualifies, what to bring, how it works and whom to ask."),
        "application": text(f"在线提交{name_zh}申请，{dept_zh}受理后在承诺时限内办结，进度随时可查。",
                            f"{name_en} online: {dept_en} handles it within the promised time; follow it step by step."),
        "appointment": text(f"预约{name_zh}的办理时间，按时到场免排队。",
                            f"Book a time for this service ({name_en}) and skip the queue."),
        "payment": text(f"在线查询并缴纳：{name_zh}。", f"Look up and pay online: {name_en}."),
        "department_system": text(f"用市民云账号一键登录{dept_zh}的业务系统：{name_zh}。",
                                  f"Go straight into {dept_en}'s own system with your Citizen Cloud account: {name_en}."),
    }[service["kind"]]


ELIGIBILITY = {
    0: text("所有人均可查看，无需登录。", "Anyone; no sign-in needed."),
    1: text("已注册市民云的用户。", "Anyone with a Citizen Cloud account."),
    2: text("实名核验通过（姓名、身份证号与户籍登记一致）的成都市居民。",
            "Chengdu residents whose name and ID number match the household register."),
    3: text("经社区工作人员当面核验（L3）的本市居民。", "Chengdu residents confirmed in person by their community (L3)."),
}


def fee(fen):
    if fen == 0:
        return {"fen": 0, "zh": "免费", "en": "Free"}
    return {"fen": fen, "zh": f"{fen // 100} 元", "en": f"CNY {fen // 100}"}


def build():
    departments = {d[0]: d for d in DEPARTMENTS}
    services = []
    for s in S:
        assert s["dept"] in departments, s["id"]
        law = LAWS[s["law"]] if s["law"] else None
        service = {
            "id": s["id"], "department": s["dept"], "theme": s["theme"], "kind": s["kind"],
            "name": text(s["zh"], s["en"]), "synonyms": s["synonyms"], "summary": summary(s, departments[s["dept"]]),
            "eligibility": ELIGIBILITY[s["level"]], "level": s["level"],
            "materials": [text(*MATERIALS[m]) for m in s["materials"]], "fee": fee(s["fee"]),
            "promisedDays": s["days"],
        }
        if law:
            service["legalBasis"] = text(*law)
        extra = s["extra"]
        if "form" in extra:
            service["form"] = {"fields": extra["form"]}
        if "link" in extra:
            service["link"] = extra["link"]
        if "system" in extra:
            service["system"] = extra["system"]
        services.append(service)
    ids = [s["id"] for s in services]
    assert len(set(ids)) == len(ids)
    return {
        "version": 1,
        "themes": [{"id": t, "name": text(zh, en)} for t, zh, en in THEMES],
        "departments": [{"id": d, "name": text(zh, en)} for d, zh, en in DEPARTMENTS],
        "services": services,
    }


if __name__ == "__main__":
    catalog = build()
    used = {s["department"] for s in catalog["services"]}
    assert used == {d["id"] for d in catalog["departments"]}, set(d["id"] for d in catalog["departments"]) - used
    print(f"{len(catalog['departments'])} departments, {len(catalog['services'])} services")
    path = pathlib.Path("data/service-catalog.json")
    path.write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
