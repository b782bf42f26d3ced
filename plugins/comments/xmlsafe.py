"""Untrusted XML, parsed with defusedxml: entity bombs and external entities are refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml import ElementTree as SafeET
from defusedxml.common import ExternalReferenceForbidden

from cmcore.french import NBSP, quoted

from .model import CommentInputError

_HOSTILE = (
    "ce fichier est peut-être piégé et n'a pas été lu{NBSP}; "
    "refaites l'export depuis WordPress ou Disqus sans le modifier"
).replace("{NBSP}", NBSP)


def parse(path: Path) -> ET.Element:
    """The root element of the XML file at ``path``, or :class:`CommentInputError`."""
    shown = str(path)
    try:
        # No export needs a DOCTYPE: refusing it stops entity bombs and external
        # entities or DTDs at their first byte, before any expansion or fetch.
        tree = SafeET.parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as error:
        raise CommentInputError(
            shown,
            f"entité XML {quoted(error.name)} déclarée dans le fichier "
            f"(bombe d'entités possible){NBSP}: {_HOSTILE}",
        ) from None
    except ExternalReferenceForbidden as error:
        raise CommentInputError(
            shown,
            f"référence à une ressource externe {quoted(error.sysid or error.pubid)} "
            f"refusée{NBSP}: {_HOSTILE}",
        ) from None
    except DTDForbidden as error:
        target = error.sysid or error.pubid
        raise CommentInputError(
            shown,
            f"déclaration <!DOCTYPE {error.name}>"
            + (f" qui appelle {quoted(target)}" if target else "")
            + f" refusée (bombe d'entités ou entité externe possible){NBSP}: {_HOSTILE}",
        ) from None
    except DefusedXmlException:
        raise CommentInputError(shown, f"construction XML interdite{NBSP}: {_HOSTILE}") from None
    except ET.ParseError as error:
        line, column = error.position
        raise CommentInputError(
            shown,
            f"XML illisible (colonne {column}){NBSP}: le fichier est incomplet ou abîmé{NBSP}; "
            "refaites l'export",
            line,
        ) from None
    except UnicodeDecodeError:
        raise CommentInputError(
            shown, f"encodage illisible{NBSP}: enregistrez le fichier en UTF-8"
        ) from None
    except OSError as error:
        raise CommentInputError(
            shown, f"fichier illisible ({error.strerror or error}){NBSP}: vérifiez le chemin"
        ) from None
    return tree.getroot()


def local(tag: str) -> str:
    """``post_name`` for ``{http://wordpress.org/export/1.2/}post_name``."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    """``http://wordpress.org/export/1.2/`` for a qualified tag, ``""`` otherwise."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first child whose local name is ``name``, whatever its namespace."""
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def text(element: ET.Element, name: str) -> str:
    """The stripped text of the child ``name``, ``""`` when absent."""
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """Every child whose local name is ``name``."""
    return [item for item in element if local(item.tag) == name]
