#!/usr/bin/env python3
"""Generates bpmn/hoso-case.bpmn and bpmn/hoso-segment.bpmn with diagram layout (so Camunda Modeler shows them).
After the first generation the .bpmn files are the source of truth: edit them in Camunda Modeler. Kept for
reference of the intended layout; re-running overwrites the models."""
from xml.sax.saxutils import escape

SIZES = {"task": (100, 80), "gw": (50, 50), "event": (36, 36)}
HDR = '''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="{defid}" targetNamespace="http://hoso.vn/bpmn" exporter="hoso tools/gen_bpmn.py" exporterVersion="1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
'''

class Model:
    def __init__(self):
        self.nodes = {}   # id -> dict
        self.order = []
        self.flows = []
    def node(self, id, kind, tag, name, x, y, attrs="", inner="", parent=None, w=None, h=None):
        sw, sh = SIZES.get(kind, (w, h))
        self.nodes[id] = dict(id=id, kind=kind, tag=tag, name=name, x=x, y=y, w=w or sw, h=h or sh, attrs=attrs,
                              inner=inner, parent=parent, incoming=[], outgoing=[])
        self.order.append(id)
    def flow(self, id, src, tgt, name=None, cond=None, default=False, parent=None, via=None):
        self.flows.append(dict(id=id, src=src, tgt=tgt, name=name, cond=cond, parent=parent, via=via))
        self.nodes[src]["outgoing"].append(id)
        self.nodes[tgt]["incoming"].append(id)
        if default:
            self.nodes[src]["attrs"] += f' default="{id}"'

    def element_xml(self, parent, indent):
        out = []
        pad = " " * indent
        for nid in self.order:
            n = self.nodes[nid]
            if n["parent"] != parent:
                continue
            name = f' name="{escape(n["name"], {chr(34): "&quot;"})}"' if n["name"] else ""
            body = []
            definition = n["inner"].startswith("<bpmn:timerEventDefinition")
            if n["inner"] and not definition:
                body.append(n["inner"])
            for f in n["incoming"]:
                body.append(f"<bpmn:incoming>{f}</bpmn:incoming>")
            for f in n["outgoing"]:
                body.append(f"<bpmn:outgoing>{f}</bpmn:outgoing>")
            if definition:  # event definitions follow the flows in the BPMN schema
                body.append(n["inner"])
            if n["tag"] == "subProcess":
                body.append(self.element_xml(nid, indent + 2).strip("\n"))
            out.append(f'{pad}<bpmn:{n["tag"]} id="{nid}"{name}{n["attrs"]}>')
            for b in body:
                for line in b.split("\n"):
                    out.append(pad + "  " + line.strip() if not line.startswith(" " * (indent + 2)) else line)
            out.append(f'{pad}</bpmn:{n["tag"]}>')
        for f in self.flows:
            if f["parent"] != parent:
                continue
            name = f' name="{escape(f["name"], {chr(34): "&quot;"})}"' if f["name"] else ""
            if f["cond"]:
                out.append(f'{pad}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}">')
                out.append(f'{pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression>')
                out.append(f'{pad}</bpmn:sequenceFlow>')
            else:
                out.append(f'{pad}<bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]}" targetRef="{f["tgt"]}" />')
        return "\n".join(out) + "\n"

    def di_xml(self, process_id):
        out = [f'  <bpmndi:BPMNDiagram id="{process_id}_di">', f'    <bpmndi:BPMNPlane id="{process_id}_plane" bpmnElement="{process_id}">']
        for nid in self.order:
            n = self.nodes[nid]
            extra = ' isExpanded="true"' if n["tag"] == "subProcess" else ""
            extra += ' isMarkerVisible="true"' if n["kind"] == "gw" else ""
            out.append(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{extra}>')
            out.append(f'        <dc:Bounds x="{n["x"]}" y="{n["y"]}" width="{n["w"]}" height="{n["h"]}" />')
            if n["name"] and n["kind"] in ("gw", "event"):
                out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{n["x"] - 20}" y="{n["y"] + n["h"] + 5}" width="{n["w"] + 40}" height="27" /></bpmndi:BPMNLabel>')
            out.append('      </bpmndi:BPMNShape>')
        for f in self.flows:
            s, t = self.nodes[f["src"]], self.nodes[f["tgt"]]
            pts = self.route(s, t, f["via"])
            out.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">')
            for x, y in pts:
                out.append(f'        <di:waypoint x="{x}" y="{y}" />')
            out.append('      </bpmndi:BPMNEdge>')
        out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']
        return "\n".join(out) + "\n"

    @staticmethod
    def route(s, t, via):
        sx, sy = s["x"] + s["w"], s["y"] + s["h"] // 2
        tx, ty = t["x"], t["y"] + t["h"] // 2
        if via == "below":   # leave from the bottom, enter the target from the bottom
            bx = s["x"] + s["w"] // 2
            by = max(s["y"] + s["h"], t["y"] + t["h"]) + 40
            return [(bx, s["y"] + s["h"]), (bx, by), (t["x"] + t["w"] // 2, by), (t["x"] + t["w"] // 2, t["y"] + t["h"])]
        if via == "above":
            bx = s["x"] + s["w"] // 2
            by = min(s["y"], t["y"]) - 40
            return [(bx, s["y"]), (bx, by), (t["x"] + t["w"] // 2, by), (t["x"] + t["w"] // 2, t["y"])]
        if via == "down":    # leave from the bottom, enter the target from the left
            bx = s["x"] + s["w"] // 2
            return [(bx, s["y"] + s["h"]), (bx, ty), (tx, ty)]
        if via == "boundary":
            bx = s["x"] + s["w"] // 2
            return [(bx, s["y"] + s["h"]), (bx, ty), (tx, ty)]
        if sy == ty:
            return [(sx, sy), (tx, ty)]
        mx = (sx + tx) // 2
        return [(sx, sy), (mx, sy), (mx, ty), (tx, ty)]


def user_task(m, id, name, group, form, x, y, parent=None):
    m.node(id, "task", "userTask", name, x, y,
           attrs=f' camunda:candidateGroups="{group}" camunda:formRef="{form}" camunda:formRefBinding="deployment"',
           parent=parent)


def close_listener(result):
    return ('<bpmn:extensionElements><camunda:executionListener expression="${caseFlow.closeSegment(execution, '
            f"'{result}'" ')}" event="end" /></bpmn:extensionElements>')


def segment():
    m = Model()
    officers, leaders = "officers.${unitCode}", "leaders.${unitCode}"
    Y = 200
    m.node("segmentStart", "event", "startEvent", "Hồ sơ đến đơn vị", 160, Y + 22,
           inner='<bpmn:extensionElements><camunda:executionListener expression="${caseFlow.openSegment(execution)}" event="start" /></bpmn:extensionElements>')
    m.node("gwEntry", "gw", "exclusiveGateway", "Bước đầu tiên tại đơn vị?", 250, Y + 15)
    user_task(m, "receive", "Tiếp nhận, kiểm tra hồ sơ", officers, "hoso-receive", 360, 60)
    m.node("gwReceive", "gw", "exclusiveGateway", "Kết quả tiếp nhận", 510, 75)
    user_task(m, "appraise", "Thẩm định hồ sơ", officers, "hoso-appraise", 620, Y)
    m.node("gwAppraise", "gw", "exclusiveGateway", "Kết quả thẩm định", 770, Y + 15)
    user_task(m, "awaitSupplement", "Chờ bổ sung hồ sơ (tạm dừng tính thời gian)", officers,
              "hoso-await-supplement", 745, 380)
    m.node("gwSupplement", "gw", "exclusiveGateway", "Công dân bổ sung?", 620, 395)
    user_task(m, "approve", "Phê duyệt, ký số", leaders, "hoso-approve", 880, Y)
    m.node("gwApprove", "gw", "exclusiveGateway", "Kết quả phê duyệt", 1030, Y + 15)
    m.node("gwLast", "gw", "exclusiveGateway", "Đơn vị cuối tuyến?", 1130, Y + 15)
    user_task(m, "issue", "Văn thư: cấp số, đóng dấu, ký số", officers, "hoso-step", 1240, Y)
    m.node("gwReturnHere", "gw", "exclusiveGateway", "Trả kết quả tại đơn vị này?", 1390, Y + 15)
    user_task(m, "returnResult", "Trả kết quả", officers, "hoso-step", 1500, Y)
    user_task(m, "forward", "Chuyển hồ sơ liên thông", officers, "hoso-step", 1240, 380)
    user_task(m, "returnAtReceivingUnit", "Trả kết quả tại nơi tiếp nhận", officers, "hoso-step", 360, 520)
    ends = [("endDone", "Đã trả kết quả", "DONE", 1660, Y + 22), ("endIssued", "Đã cấp kết quả", "ISSUED", 1660, 102),
            ("endForwarded", "Đã chuyển liên thông", "FORWARDED", 1400, 402),
            ("endReturned", "Đã trả kết quả", "RETURNED", 530, 542),
            ("endRejected", "Từ chối giải quyết", "REJECTED", 1040, 40),
            ("endWithdrawn", "Công dân rút hồ sơ", "WITHDRAWN", 530, 472)]
    for id, name, result, x, y in ends:
        m.node(id, "event", "endEvent", name, x, y, inner=close_listener(result))
    m.flow("f_start", "segmentStart", "gwEntry")
    m.flow("f_entry_returnOnly", "gwEntry", "returnAtReceivingUnit", "trả kết quả", "${segReturnOnly}", via="down")
    m.flow("f_entry_receive", "gwEntry", "receive", "tiếp nhận", "${segReceive}")
    m.flow("f_entry_appraise", "gwEntry", "appraise", "nhận liên thông", default=True)
    m.flow("f_receive", "receive", "gwReceive")
    m.flow("f_receive_reject", "gwReceive", "endRejected", "từ chối (Mẫu 03)", "${decision == 'REJECT'}")
    m.flow("f_receive_ok", "gwReceive", "appraise", "đủ điều kiện (Mẫu 01)", default=True)
    m.flow("f_appraise", "appraise", "gwAppraise")
    m.flow("f_appraise_supplement", "gwAppraise", "awaitSupplement", "yêu cầu bổ sung", "${decision == 'SUPPLEMENT'}", via="down")
    m.flow("f_appraise_reject", "gwAppraise", "endRejected", "từ chối", "${decision == 'REJECT'}", via="above")
    m.flow("f_appraise_withdraw", "gwAppraise", "endWithdrawn", "rút hồ sơ", "${decision == 'WITHDRAW'}", via="below")
    m.flow("f_appraise_ok", "gwAppraise", "approve", "trình phê duyệt", default=True)
    m.flow("f_supplement", "awaitSupplement", "gwSupplement")
    m.flow("f_supplement_withdraw", "gwSupplement", "endWithdrawn", "rút hồ sơ", "${decision == 'WITHDRAW'}", via="down")
    m.flow("f_supplement_ok", "gwSupplement", "appraise", "đã bổ sung", default=True, via="above")
    m.flow("f_approve", "approve", "gwApprove")
    m.flow("f_approve_reject", "gwApprove", "endRejected", "không phê duyệt", "${decision == 'REJECT'}", via="above")
    m.flow("f_approve_ok", "gwApprove", "gwLast", "phê duyệt", default=True)
    m.flow("f_last_issue", "gwLast", "issue", "cuối tuyến", "${segIssue}")
    m.flow("f_last_forward", "gwLast", "forward", "chuyển cấp tiếp theo", default=True, via="down")
    m.flow("f_issue", "issue", "gwReturnHere")
    m.flow("f_return_here", "gwReturnHere", "returnResult", "tại đây", "${segReturn}")
    m.flow("f_return_elsewhere", "gwReturnHere", "endIssued", "trả tại nơi tiếp nhận", default=True, via="above")
    m.flow("f_returned", "returnResult", "endDone")
    m.flow("f_forwarded", "forward", "endForwarded")
    m.flow("f_returned_at_receiving", "returnAtReceivingUnit", "endReturned")
    return m


def case():
    m = Model()
    m.node("caseStart", "event", "startEvent", "Hồ sơ được tiếp nhận", 160, 222)
    m.node("processing", "subProcess", "subProcess", "Xử lý hồ sơ theo tuyến liên thông", 250, 100, w=700, h=300)
    m.node("processingStart", "event", "startEvent", None, 280, 222, parent="processing")
    m.node("prepareSegment", "task", "serviceTask", "Xác định đơn vị xử lý", 360, 200,
           attrs=' camunda:expression="${caseFlow.prepareSegment(execution)}"', parent="processing")
    m.node("segment", "task", "callActivity", "Xử lý tại đơn vị", 520, 200,
           attrs=' calledElement="hoso-segment"',
           inner='<bpmn:extensionElements><camunda:in variables="all" /><camunda:in businessKey="#{execution.processBusinessKey}" /><camunda:out source="segmentResult" target="segmentResult" /></bpmn:extensionElements>',
           parent="processing")
    m.node("gwForward", "gw", "exclusiveGateway", "Chuyển tiếp?", 680, 215, parent="processing")
    m.node("advance", "task", "serviceTask", "Chuyển sang đơn vị tiếp theo", 520, 300,
           attrs=' camunda:expression="${caseFlow.advance(execution)}"', parent="processing")
    m.node("processingEnd", "event", "endEvent", None, 860, 222, parent="processing")
    m.flow("f_p_start", "processingStart", "prepareSegment", parent="processing")
    m.flow("f_p_segment", "prepareSegment", "segment", parent="processing")
    m.flow("f_p_gw", "segment", "gwForward", parent="processing")
    m.flow("f_p_forward", "gwForward", "advance", "chuyển liên thông", "${segmentResult == 'FORWARDED'}", parent="processing", via="down")
    m.flow("f_p_loop", "advance", "prepareSegment", parent="processing", via="below")
    m.flow("f_p_done", "gwForward", "processingEnd", "kết thúc xử lý", default=True, parent="processing")
    m.node("apologyTimer", "event", "boundaryEvent", "1 ngày làm việc trước hạn", 582, 382,
           attrs=' cancelActivity="false" attachedToRef="processing"',
           inner='<bpmn:timerEventDefinition id="apologyTimerDefinition"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${apologyAt}</bpmn:timeDate></bpmn:timerEventDefinition>')
    m.node("apology", "task", "userTask", "Gửi thư xin lỗi, hẹn lại ngày trả (Mẫu 04)", 650, 460,
           attrs=' camunda:candidateGroups="officers.${unitCode}" camunda:formRef="hoso-apology" camunda:formRefBinding="deployment"')
    m.node("apologyEnd", "event", "endEvent", "Đã hẹn lại", 820, 482)
    m.flow("f_apology", "apologyTimer", "apology", via="boundary")
    m.flow("f_apology_end", "apology", "apologyEnd")
    m.node("gwNeedsReturn", "gw", "exclusiveGateway", "Trả kết quả tại nơi tiếp nhận?", 1010, 225)
    m.node("prepareReturn", "task", "serviceTask", "Chuyển kết quả về nơi tiếp nhận", 1110, 210,
           attrs=' camunda:expression="${caseFlow.prepareReturn(execution)}"')
    m.node("returnSegment", "task", "callActivity", "Trả kết quả tại nơi tiếp nhận", 1260, 210,
           attrs=' calledElement="hoso-segment"',
           inner='<bpmn:extensionElements><camunda:in variables="all" /><camunda:in businessKey="#{execution.processBusinessKey}" /><camunda:out source="segmentResult" target="segmentResult" /></bpmn:extensionElements>')
    m.node("caseEndReturned", "event", "endEvent", "Đã trả kết quả", 1420, 232)
    m.node("caseEnd", "event", "endEvent", "Kết thúc hồ sơ", 1420, 102)
    m.flow("f_start", "caseStart", "processing")
    m.flow("f_processed", "processing", "gwNeedsReturn")
    m.flow("f_needs_return", "gwNeedsReturn", "prepareReturn", "cần trả tại nơi tiếp nhận",
           "${needsReturn && segmentResult == 'ISSUED'}")
    m.flow("f_no_return", "gwNeedsReturn", "caseEnd", "kết thúc", default=True, via="above")
    m.flow("f_return", "prepareReturn", "returnSegment")
    m.flow("f_returned", "returnSegment", "caseEndReturned")
    return m


def write(path, process_id, name, model, doc):
    xml = HDR.replace("{defid}", process_id + "-definitions")
    xml += (f'  <bpmn:process id="{process_id}" name="{name}" isExecutable="true" camunda:historyTimeToLive="3650" '
            f'camunda:isStartableInTasklist="false">\n')
    xml += f'    <bpmn:documentation>{escape(doc)}</bpmn:documentation>\n'
    xml += model.element_xml(None, 4)
    xml += '  </bpmn:process>\n'
    xml += model.di_xml(process_id)
    xml += '</bpmn:definitions>\n'
    open(path, "w").write(xml)


write("bpmn/hoso-segment.bpmn", "hoso-segment", "Xử lý hồ sơ tại một đơn vị", segment(),
      "One stay of a case at one unit (a segment): receive (at the receiving unit), appraise, supplementation "
      "(clock paused), approve (leaders), then issue and return, or hand the file on to the next tier. Every user "
      "task accepts mode (ELECTRONIC|PAPER); deciding tasks accept outcome (see docs/workflow.md).")
write("bpmn/hoso-case.bpmn", "hoso-case", "Hồ sơ hành chính một cửa liên thông", case(),
      "A case file from receipt to return: the segments of its route one after another (commune, district, "
      "province as the procedure says and the tiers in force allow), the Mẫu 04 apology one working day before "
      "the appointment date, and the return of the result where the case was received. Business key = caseId.")
print("ok")
